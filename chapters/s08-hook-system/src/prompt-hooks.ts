// SessionStart and UserPromptSubmit hooks before the first model call of a turn (transformContext).
// Their context joins the prompt as a <system-reminder>; a blocked prompt is taken out of the history
// and the turn ends without a model request (the model call is answered empty, the stop seam ends it).
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@lcc/s01";
import type { AgentHooks, AgentState, HookContext } from "@lcc/s02";
import { collectFeedback, systemReminder } from "./hook-feedback.ts";
import type { HookRunner } from "./hook-runner.ts";

export interface PromptHooks {
  hooks: AgentHooks;
  /** Why the current turn's prompt was blocked (read once by the stop seam), else undefined. */
  takeBlocked(state: AgentState): string | undefined;
}

/** `source`: how the conversation began (SessionStart's `source`: startup, clear or resume). */
export function createPromptHooks(
  runner: HookRunner,
  source: "startup" | "clear" | "resume" = "startup",
): PromptHooks {
  let sessionStarted = false;
  const blocked = new WeakMap<AgentState, string>();
  let skipNextCall = false;
  const hooks: AgentHooks = {
    async transformContext(messages, context) {
      if (context.turn !== 1) return messages;
      await runner.settleTrust(context.signal);
      const reminders: string[] = [];
      if (!sessionStarted) {
        sessionStarted = true;
        const fired = await runner.fire("SessionStart", fireRequest(context, messages, { source }, source));
        const { context: lines } = collectFeedback(fired, true);
        if (lines.length > 0) reminders.push(systemReminder("SessionStart", lines));
      }
      const prompt = promptOf(messages);
      if (prompt) {
        const fired = await runner.fire("UserPromptSubmit", fireRequest(context, messages, { prompt }));
        const feedback = collectFeedback(fired, true);
        const reason = feedback.blocks[0] ?? feedback.stop;
        if (reason) {
          blocked.set(context.state, `a UserPromptSubmit hook blocked the prompt: ${reason}`);
          skipNextCall = true;
          return withoutPrompt(messages);
        }
        if (feedback.context.length > 0) reminders.push(systemReminder("UserPromptSubmit", feedback.context));
      }
      return reminders.length > 0 ? withText(messages, reminders) : messages;
    },
    wrapCallModel(next) {
      return async (request, options) => {
        if (!skipNextCall) return next(request, options);
        skipNextCall = false;
        return emptyReply(request.model);
      };
    },
  };
  return {
    hooks,
    takeBlocked(state) {
      const reason = blocked.get(state);
      blocked.delete(state);
      return reason;
    },
  };
}

function fireRequest(
  context: HookContext,
  messages: readonly MessageParam[],
  input: Record<string, unknown>,
  target?: string,
) {
  return { input, signal: context.signal, messages, ...(target ? { target } : {}) };
}

/** The text the user typed this turn: the last user message's text (tool results left out). */
export function promptOf(messages: readonly MessageParam[]): string {
  const last = messages.at(-1);
  if (last?.role !== "user") return "";
  if (typeof last.content === "string") return last.content;
  return last.content
    .flatMap((block) => (block.type === "text" ? [block.text] : []))
    .join("\n")
    .trim();
}

/** The history without the blocked prompt (tool results before it stay, so pairing holds). */
function withoutPrompt(messages: MessageParam[]): MessageParam[] {
  const last = messages.at(-1);
  const rest = messages.slice(0, -1);
  if (!last || typeof last.content === "string") return rest;
  const kept = last.content.filter((block) => block.type === "tool_result");
  return kept.length > 0 ? [...rest, { role: "user", content: kept }] : rest;
}

function withText(messages: MessageParam[], texts: readonly string[]): MessageParam[] {
  const last = messages.at(-1);
  if (last?.role !== "user") return messages;
  const blocks =
    typeof last.content === "string" ? [{ type: "text" as const, text: last.content }] : last.content;
  const added = texts.map((text) => ({ type: "text" as const, text }));
  return [...messages.slice(0, -1), { role: "user", content: [...blocks, ...added] }];
}

/** An empty end_turn reply made without a request: the loop stores nothing and the stop seam ends the turn. */
function emptyReply(model: string): Anthropic.Message {
  return {
    id: "msg_blocked_prompt",
    type: "message",
    role: "assistant",
    model,
    content: [],
    stop_reason: "end_turn",
    stop_sequence: null,
    container: null,
    stop_details: null,
    diagnostics: null,
    usage: {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: null,
      cache_read_input_tokens: null,
      cache_creation: null,
      server_tool_use: null,
      service_tier: null,
      inference_geo: null,
      output_tokens_details: null,
      speed: null,
    },
  };
}
