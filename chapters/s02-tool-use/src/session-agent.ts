// The session core every chapter and lcc run: one history, a setup built once per conversation, the
// loop run per prompt, slash commands, the message queue and one event stream for UI, logs and tests.
import { type AskUser, askWithoutTerminal, type ChapterAgent, type ChapterContext } from "@lcc/chapter-kit";
import { appendUserContent, type MessageParam, maxTokensNotice, type UserContentBlock } from "@lcc/s01";
import { type LoopResult, runAgentLoop } from "./agent-loop.ts";
import {
  type AgentSetup,
  type ConversationStart,
  type ResolvedSetup,
  resolveSetup,
  type SetupContext,
} from "./agent-setup.ts";
import { type CallModel, createStreamingCallModel } from "./call-model.ts";
import { coreCommands, parseSlashCommand } from "./commands.ts";
import { createEventHub } from "./event-hub.ts";
import type { AgentEvent } from "./events.ts";
import type { AgentState } from "./hooks.ts";
import { createMessageQueue, type MessageQueue } from "./message-queue.ts";
import { createSessionScope } from "./session-scope.ts";
import { createTerminalPrinter } from "./terminal-printer.ts";

export type BuildSetup<Setup extends AgentSetup> = (context: SetupContext) => Setup | Promise<Setup>;

export interface SessionAgent<Setup extends AgentSetup = AgentSetup> extends ChapterAgent {
  readonly state: AgentState;
  /** The current conversation's setup, with the extras its chapter exposes (plan, skills, compaction). */
  readonly setup: Setup;
  /** The same setup resolved for the loop (system prompt, registry, combined hooks, commands). */
  readonly resolved: ResolvedSetup;
  readonly queue: MessageQueue;
  model(): string;
  /** The model of the next requests; subagents follow it. */
  setModel(model: string): void;
  /** Subscribes to every event of the session (see event-hub.ts for events raised before). */
  subscribe(listener: (event: AgentEvent) => void, options?: { replay?: boolean }): () => void;
  /** Adds an event to the stream (a product layer's notices). */
  emit(event: AgentEvent): void;
  /** Runs one prompt to the end of the loop. Never throws for model, tool or seam failures. */
  runTurn(prompt: string | UserContentBlock[], signal: AbortSignal): Promise<LoopResult>;
  /** Runs a turn for queued messages only (an idle REPL woken by the queue); undefined when none wait. */
  runQueued(signal: AbortSignal): Promise<LoopResult | undefined>;
  /** Runs a slash command typed at the prompt; false when `line` is not one of this session's commands. */
  runCommand(line: string, signal: AbortSignal, write: (text: string) => void): Promise<boolean>;
  /**
   * Starts a new conversation: the setup is built again (no plan, loaded skill or compaction state
   * leaks), the history becomes `messages` (empty by default), and `conversation_start` is emitted.
   */
  reset(messages?: MessageParam[]): Promise<void>;
  /**
   * Ends the session: what the setups registered with `session.onClose` runs once, latest first (s13
   * kills its running commands, s14 stops its timer). A failing closer becomes a notice. Idempotent.
   */
  close(): Promise<void>;
}

export interface SessionAgentOptions {
  /** The model call underneath every hook (lcc passes a metered one); default: streaming on the client. */
  callModel?: CallModel;
  maxTurns?: number;
  /** Print events to the chapter's output (default true; lcc renders them itself). */
  print?: boolean;
}

declare module "./events.ts" {
  interface AgentEventMap {
    /** A new conversation began (after /clear, or with a history read back by lcc's /resume). */
    conversation_start: { messages: number };
  }
}

/**
 * Builds the session: the setup (awaited: a chapter may connect to servers first) with a context whose
 * emit, queue and ask belong to this session, then the core commands plus the setup's.
 */
export async function createSessionAgent<Setup extends AgentSetup>(
  buildSetup: BuildSetup<Setup>,
  chapter: ChapterContext,
  options: SessionAgentOptions = {},
): Promise<SessionAgent<Setup>> {
  const hub = createEventHub();
  const queue = createMessageQueue();
  const scope = createSessionScope();
  const ask: AskUser = chapter.ask ?? askWithoutTerminal;
  let model = chapter.config.model;
  // The config chapters see: `model` follows setModel, so subagents switch along with the parent.
  const config = {
    ...chapter.config,
    get model() {
      return model;
    },
  };
  const callModel = options.callModel ?? createStreamingCallModel(chapter.client);
  const seenSetupNotices = new Set<string>();
  const build = async (conversation: ConversationStart) => {
    // Notices a rebuilt setup raises again (the same skipped file) are said once per session.
    const emit = (event: AgentEvent) => {
      if (event.type === "notice" && building) {
        if (seenSetupNotices.has(event.text)) return;
        seenSetupNotices.add(event.text);
      }
      hub.emit(event);
    };
    let building = true;
    try {
      const setup = await buildSetup({
        ...chapter,
        config,
        callModel,
        emit,
        queue,
        ask,
        conversation,
        session: { keep: scope.keep, onClose: scope.onClose },
      });
      const withCore = { ...setup, commands: [...coreCommands(), ...setup.commands] };
      return { setup, resolved: resolveSetup(withCore) };
    } finally {
      building = false;
    }
  };
  let current = await build("startup");
  const state: AgentState = { messages: [] };
  if (options.print !== false) hub.subscribe(createTerminalPrinter(chapter.output, () => current.resolved));
  if (chapter.observe) hub.subscribe(chapter.observe, { replay: false });

  const session: SessionAgent<Setup> = {
    state,
    queue,
    get setup() {
      return current.setup;
    },
    get resolved() {
      return current.resolved;
    },
    model: () => model,
    setModel(next) {
      model = next;
    },
    subscribe: (listener, subscribeOptions) => hub.subscribe(listener, subscribeOptions),
    emit: (event) => hub.emit(event),
    async runTurn(prompt, signal) {
      appendUserContent(state.messages, prompt);
      const { resolved } = current;
      return runAgentLoop(
        state,
        {
          callModel,
          model: () => model,
          maxTokens: chapter.config.maxTokens,
          system: resolved.system,
          tools: resolved.registry,
          hooks: resolved.hooks,
          childHooks: resolved.childHooks,
          queue,
          ask,
          workspace: chapter.workspace,
          onEvent: hub.emit,
          ...(resolved.dispatch ? { dispatch: resolved.dispatch } : {}),
          ...(options.maxTurns === undefined ? {} : { maxTurns: options.maxTurns }),
        },
        signal,
      );
    },
    async runQueued(signal) {
      if (queue.size() === 0) return undefined;
      return session.runTurn([], signal);
    },
    async runCommand(line, signal, write) {
      const parsed = parseSlashCommand(line);
      const command = parsed && current.resolved.commands.find((candidate) => candidate.name === parsed.name);
      if (!parsed || !command) return false;
      await command.run(parsed.args, { session, write, signal });
      return true;
    },
    async reset(messages = []) {
      const reason = messages.length > 0 ? "resume" : "clear";
      await current.setup.onConversationEnd?.(reason).catch((error: unknown) => {
        const text = `ending the conversation failed: ${error instanceof Error ? error.message : String(error)}`;
        hub.emit({ type: "notice", source: "session", level: "warn", text });
      });
      current = await build(reason);
      state.messages = messages;
      // The last request's usage described the previous conversation (s06 would compact on it).
      delete state.lastUsage;
      hub.emit({ type: "conversation_start", messages: messages.length });
    },
    async close() {
      for (const error of await scope.close()) {
        const text = `closing the session failed: ${error instanceof Error ? error.message : String(error)}`;
        hub.emit({ type: "notice", source: "session", level: "warn", text });
      }
    },
    async handleLine(line, signal) {
      const write = (text: string) => chapter.output.write(text);
      if (await session.runCommand(line, signal, write)) return;
      if (parseSlashCommand(line)) {
        write(`Unknown command ${line.trim().split(/\s/)[0]}. /help lists the commands.\n`);
        return;
      }
      reportEnd(await session.runTurn(line, signal), hub.emit, chapter.config.maxTokens);
    },
    wake: {
      onPush: (listener) => queue.onPush(listener),
      async run(signal) {
        const result = await session.runQueued(signal);
        if (result) reportEnd(result, hub.emit, chapter.config.maxTokens);
        return result !== undefined;
      },
    },
  };
  return session;
}

/** Tells the user how a run ended when it did not simply finish. */
function reportEnd(result: LoopResult, emit: (event: AgentEvent) => void, maxTokens: number): void {
  const text = endWarning(result, maxTokens);
  if (text) emit({ type: "notice", source: "model", text, level: "warn" });
}

/** What the user should be told about how a run ended, when it did not simply finish. */
export function endWarning(result: LoopResult, maxTokens: number): string | undefined {
  if (result.reason === "error") {
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    return `Model request failed: ${message}`;
  }
  if (result.reason === "max_tokens") return maxTokensNotice(maxTokens);
  if (result.reason === "max_turns") return "Stopped: the limit on model rounds for one prompt was reached.";
  if (result.reason === "stopped") return `Stopped: ${result.detail ?? "a hook ended the turn"}.`;
  return undefined;
}
