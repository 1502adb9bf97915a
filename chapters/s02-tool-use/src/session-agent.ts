// Turns a setup into a chapter agent: one history, one loop run per prompt, events to the printer.
import {
  appendUserContent,
  type ChapterAgent,
  type ChapterContext,
  createEventPrinter,
  maxTokensNotice,
} from "@lcc/s01";
import { type LoopResult, runAgentLoop } from "./agent-loop.ts";
import type { AgentSetup, SetupContext } from "./agent-setup.ts";
import { resolveSetup } from "./agent-setup.ts";
import { createStreamingCallModel } from "./call-model.ts";
import type { AgentEvent } from "./events.ts";
import type { AgentState } from "./hooks.ts";

export interface SessionAgent extends ChapterAgent {
  state: AgentState;
}

export interface SessionAgentOptions {
  /** Renders events; defaults to the s01 terminal printer plus notices. */
  print?: (event: AgentEvent) => void;
  maxTurns?: number;
}

/** Builds the setup with a context whose `emit` reaches the printer, then wraps it as a ChapterAgent. */
export function createSessionAgent(
  buildSetup: (context: SetupContext) => AgentSetup,
  chapter: ChapterContext,
  options: SessionAgentOptions = {},
): SessionAgent {
  const print = options.print ?? createTerminalPrinter(chapter.output);
  const callModel = createStreamingCallModel(chapter.client);
  const setup = resolveSetup(buildSetup({ ...chapter, callModel, emit: print }));
  const state: AgentState = { messages: [] };
  return {
    state,
    async runTurn(prompt, signal) {
      appendUserContent(state.messages, prompt);
      const result = await runAgentLoop(
        state,
        {
          callModel,
          model: chapter.config.model,
          maxTokens: chapter.config.maxTokens,
          system: setup.system,
          tools: setup.registry,
          hooks: setup.hooks,
          workspace: chapter.workspace,
          onEvent: print,
          ...(options.maxTurns === undefined ? {} : { maxTurns: options.maxTurns }),
        },
        signal,
      );
      const warning = endWarning(result, chapter.config.maxTokens);
      if (warning) print({ type: "notice", source: "model", text: warning, level: "warn" });
    },
  };
}

/** What the user should be told about how a run ended, when it did not simply finish. */
function endWarning(result: LoopResult, maxTokens: number): string | undefined {
  if (result.reason === "error") {
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    return `Model request failed: ${message}`;
  }
  if (result.reason === "max_tokens") return maxTokensNotice(maxTokens);
  if (result.reason === "max_turns") return "Stopped: the limit on model rounds for one prompt was reached.";
  return undefined;
}

/** s01's printer plus one line per notice. */
export function createTerminalPrinter(output: NodeJS.WritableStream): (event: AgentEvent) => void {
  const printBase = createEventPrinter(output);
  return (event) => {
    if (event.type === "notice") {
      printBase({ type: "agent_end" });
      output.write(`${event.level === "warn" ? "⚠" : "·"} ${event.text}\n`);
      return;
    }
    printBase(event);
  };
}
