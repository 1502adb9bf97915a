// PreToolUse and PostToolUse hooks on the pipeline's phases 2 and 5: a hook may allow, ask, deny or
// rewrite a call before it runs, and give the model feedback after it ran. The tool's result is never lost.
import type { AgentHooks, HookContext, MessageQueue, ToolCall, ToolCallDecision } from "@lcc/s02";
import { resultText, type ToolResult } from "@lcc/s02";
import { claudeToolName, hookToolInput, inputFromHook } from "./claude-tool-names.ts";
import { collectFeedback, systemReminder } from "./hook-feedback.ts";
import type { FiredHook, HookRunner } from "./hook-runner.ts";
import type { TurnStops } from "./turn-stops.ts";

export interface ToolHooksOptions {
  runner: HookRunner;
  stops: TurnStops;
  /**
   * Where PostToolUse feedback goes: the session queue (it rides with the next request, after the tool
   * results, as a `<system-reminder>`), or, for a subagent (no queue of its own), appended to the result.
   */
  queue?: MessageQueue;
}

export function createToolHooks(options: ToolHooksOptions): AgentHooks {
  const { runner, stops } = options;
  const fire = (event: "PreToolUse" | "PostToolUse", call: ToolCall, context: HookContext, extra = {}) =>
    runner.fire(event, {
      input: {
        tool_name: claudeToolName(call.name),
        tool_input: hookToolInput(call.input),
        tool_use_id: call.id,
        ...extra,
      },
      target: call.name,
      isTool: true,
      signal: context.signal,
      messages: context.state.messages,
      cwd: context.workspace,
    });
  return {
    async preToolUse(call, context) {
      const fired = await fire("PreToolUse", call, context);
      const decision = decideCall(fired, call.input);
      const stop = collectFeedback(fired).stop;
      if (stop) {
        stops.request(context.state, stop);
        return { kind: "deny", reason: `Stopped by a PreToolUse hook: ${stop}`, source: "hook" };
      }
      return decision;
    },
    async postToolUse(call, result, context) {
      if (result.interrupted) return result;
      const fired = await fire("PostToolUse", call, context, {
        tool_response: { output: resultText(result), is_error: Boolean(result.isError) },
      });
      const feedback = collectFeedback(fired);
      if (feedback.stop) stops.request(context.state, feedback.stop);
      const lines = [...feedback.blocks, ...feedback.context];
      if (lines.length === 0) return result;
      const reminder = systemReminder("PostToolUse", lines);
      if (options.queue) {
        options.queue.push({ source: "hooks", content: reminder });
        return result;
      }
      return { ...result, content: `${resultText(result)}\n\n${reminder}` } satisfies ToolResult;
    },
  };
}

/**
 * The PreToolUse verdict: the first deny (exit 2, `permissionDecision: "deny"`, `decision: "block"`)
 * wins; else ask beats allow (`"approve"` is the old allow); the last `updatedInput` becomes the input.
 */
export function decideCall(fired: readonly FiredHook[], original: unknown): ToolCallDecision {
  let verdict: "allow" | "ask" | undefined;
  let reason: string | undefined;
  let input: unknown;
  for (const { hook, outcome } of fired) {
    const source = `hook: ${hook.command}`;
    if (outcome.kind === "blocking")
      return { kind: "deny", reason: `A PreToolUse hook blocked this call: ${outcome.reason}`, source };
    if (outcome.kind !== "success" || !outcome.output) continue;
    const output = outcome.output;
    const said = output.permissionDecisionReason ?? output.reason;
    if (output.permissionDecision === "deny" || output.decision === "block")
      return {
        kind: "deny",
        reason: `A PreToolUse hook denied this call: ${said ?? "no reason given"}`,
        source,
      };
    const kind = output.permissionDecision ?? (output.decision === "approve" ? "allow" : undefined);
    if (kind && (verdict === undefined || kind === "ask")) {
      verdict = kind;
      reason = said;
    }
    if (output.updatedInput) input = inputFromHook(output.updatedInput, original);
  }
  const withInput = input === undefined ? {} : { input };
  if (verdict) return { kind: verdict, source: "hook", ...(reason ? { reason } : {}), ...withInput };
  return input === undefined ? undefined : { kind: "rewrite", input, source: "hook" };
}
