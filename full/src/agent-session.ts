// One conversation: the full setup, the loop, usage metering and the session log, shared by the REPL
// and headless mode. Events go to subscribers; history changes go to the log (and stream-json).
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { appendUserContent, type ChapterContext, type MessageParam, textOf } from "@lcc/s01";
import {
  type AgentEvent,
  type AgentState,
  type CallModel,
  createStreamingCallModel,
  type LoopEndReason,
  type ResolvedSetup,
  resolveSetup,
  runAgentLoop, // s02: the loop with seams
} from "@lcc/s02";
import { ensureLccHome } from "@lcc/s04"; // s04: the state folder, kept out of git
import { type Capabilities, createFullSetup } from "./agent-setup.ts";
import { createUsageTracker, type TokenUsage, type UsageTracker } from "./cost.ts";
import {
  createHistoryRecorder,
  createSessionId,
  createSessionLog,
  type SessionEntry,
  type SessionLog,
} from "./session-log.ts";
import type { LoadedSession } from "./session-store.ts";

export interface AgentSessionOptions extends ChapterContext {
  /** The state folder (`<workspace>/.lcc` or LCC_HOME); created, and kept out of git, on first write. */
  lccHome: string;
  version: string;
  /** A session read back by --continue/--resume; its history is the starting point. */
  resume?: LoadedSession;
  maxTurns?: number;
  /** The demo model: usage is counted but costs nothing. */
  free?: boolean;
}

export interface TurnResult {
  reason: LoopEndReason;
  /** Model requests made in this turn. */
  turns: number;
  /** Text of the last assistant message (the answer), or the error message. */
  text: string;
  error?: unknown;
  usage: TokenUsage;
  durationMs: number;
  apiDurationMs: number;
}

export interface AgentSession {
  readonly state: AgentState;
  readonly usage: UsageTracker;
  readonly capabilities: Capabilities;
  readonly resolved: ResolvedSetup;
  /** `<lcc home>/sessions`. */
  readonly sessionsDir: string;
  sessionId(): string;
  sessionPath(): string;
  model(): string;
  setModel(model: string): void;
  /** Runs one prompt to the end of the loop. Never throws for model or tool failures. */
  runTurn(prompt: string | Anthropic.ContentBlockParam[], signal: AbortSignal): Promise<TurnResult>;
  /** s06's manual compaction (`/compact [focus]`): resolves with a one-line report. */
  compact(focus: string | undefined, signal: AbortSignal): Promise<string>;
  /** Creates the state folder (sync) and adds it to .git/info/exclude (async, awaited by close). */
  ensureStateDir(): void;
  /** Starts a new, empty conversation with a new session id. */
  clear(): void;
  /** Switches to a session read from disk (the REPL's /resume). */
  resume(loaded: LoadedSession): void;
  onEvent(listener: (event: AgentEvent) => void): () => void;
  /** History changes, as written to the session log. */
  onHistory(listener: (entry: SessionEntry) => void): () => void;
  /** Closes the log and waits for pending state-folder work. */
  close(): Promise<void>;
}

/** Creates the session: builds the setup once (tools and system prompt never change mid-session). */
export function createAgentSession(options: AgentSessionOptions): AgentSession {
  const eventListeners = new Set<(event: AgentEvent) => void>();
  const historyListeners = new Set<(entry: SessionEntry) => void>();
  const emit = (event: AgentEvent) => {
    for (const listener of eventListeners) listener(event);
  };
  const usage = createUsageTracker(options.free ? { free: true } : {});
  let model = options.config.model;
  let apiMs = 0;
  const callModel = meterCallModel(createStreamingCallModel(options.client), (request, message, ms) => {
    apiMs += ms;
    usage.record(request.model, message.usage);
    log.write({ type: "usage", model: request.model, usage: toTokenUsage(message.usage) });
  });
  const setup = createFullSetup({ ...options, callModel, emit });
  const resolved = resolveSetup(setup);
  const state: AgentState = { messages: [] };
  const sessionsDir = join(options.lccHome, "sessions");
  let excluded: Promise<unknown> | undefined;
  const ensureStateDir = () => {
    if (existsSync(sessionsDir)) return;
    // s04's helper creates the folder and adds it to .git/info/exclude. It runs git, so do it only
    // when the folder is new; it overlaps the model request and close() waits for it.
    const isNew = !existsSync(options.lccHome);
    mkdirSync(sessionsDir, { recursive: true });
    if (isNew) excluded ??= ensureLccHome(options.workspace, options.env ?? {}).catch(() => undefined);
  };
  let log = openLog(undefined);
  let recorder = createHistoryRecorder();

  function openLog(loaded: LoadedSession | undefined): SessionLog {
    const id = loaded?.id ?? createSessionId();
    const file = createSessionLog(sessionsDir, id, ensureStateDir);
    let started = false;
    return {
      id,
      path: file.path,
      close: () => file.close(),
      write(entry) {
        if (!started) {
          started = true;
          file.write(
            loaded
              ? { type: "session_resume", session_id: id, model }
              : {
                  type: "session_start",
                  session_id: id,
                  model,
                  cwd: options.workspace,
                  version: options.version,
                },
          );
        }
        file.write(entry);
      },
    };
  }
  const start = (loaded: LoadedSession | undefined) => {
    log.close();
    log = openLog(loaded);
    state.messages = loaded ? loaded.messages : [];
    // Repair answers (a turn cut by a crash) are new: leave them out of the baseline so they get logged.
    recorder = createHistoryRecorder(
      loaded?.repairedToolUseIds.length ? loaded.messages.slice(0, -1) : state.messages,
    );
  };
  start(options.resume);

  const sync = () => {
    for (const entry of recorder.sync(state.messages)) {
      log.write(entry);
      for (const listener of historyListeners) listener(entry);
    }
  };

  return {
    state,
    usage,
    capabilities: setup.capabilities,
    resolved,
    sessionsDir,
    ensureStateDir,
    sessionId: () => log.id,
    sessionPath: () => log.path,
    model: () => model,
    setModel(next) {
      model = next;
    },
    async runTurn(prompt, signal) {
      const started = Date.now();
      const apiBefore = apiMs;
      usage.mark();
      appendUserContent(state.messages, prompt);
      sync();
      const result = await runAgentLoop(
        state,
        {
          callModel,
          model,
          maxTokens: options.config.maxTokens,
          system: resolved.system,
          tools: resolved.registry,
          hooks: resolved.hooks,
          workspace: options.workspace,
          ...(options.maxTurns === undefined ? {} : { maxTurns: options.maxTurns }),
          onEvent(event) {
            if (event.type === "turn_start" || event.type === "turn_end" || event.type === "agent_end")
              sync();
            emit(event);
          },
        },
        signal,
      );
      sync();
      log.write({ type: "turn_result", reason: result.reason, turns: result.turns });
      return {
        reason: result.reason,
        turns: result.turns,
        text: result.reason === "error" ? describeError(result.error) : lastAssistantText(state.messages),
        ...(result.error === undefined ? {} : { error: result.error }),
        usage: usage.sinceMark(),
        durationMs: Date.now() - started,
        apiDurationMs: apiMs - apiBefore,
      };
    },
    async compact(focus, signal) {
      const compact = setup.capabilities.compact;
      if (!compact) return "Compaction is not available in this build.";
      const outcome = await compact(state.messages, focus, signal);
      if (outcome.messages) {
        state.messages = outcome.messages;
        delete state.lastUsage;
        sync();
      }
      return outcome.report;
    },
    clear: () => start(undefined),
    resume: (loaded) => start(loaded),
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onHistory(listener) {
      historyListeners.add(listener);
      return () => historyListeners.delete(listener);
    },
    async close() {
      log.close();
      await excluded;
    },
  };
}

/** Wraps a CallModel so every completed response reports its usage and how long it took. */
export function meterCallModel(
  next: CallModel,
  onResponse: (request: Parameters<CallModel>[0], message: Anthropic.Message, durationMs: number) => void,
): CallModel {
  return async (request, options) => {
    const started = Date.now();
    const message = await next(request, options);
    onResponse(request, message, Date.now() - started);
    return message;
  };
}

export function toTokenUsage(usage: Anthropic.Usage): TokenUsage {
  return {
    input_tokens: usage.input_tokens ?? 0,
    output_tokens: usage.output_tokens ?? 0,
    cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
    cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
  };
}

function lastAssistantText(messages: readonly MessageParam[]): string {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return "";
  return typeof last.content === "string" ? last.content : textOf(last.content);
}

/** A readable one-liner for a model failure (the SDK's APIError carries status and message). */
export function describeError(error: unknown): string {
  const apiError = error as { status?: unknown; error?: { error?: { message?: unknown } } } | undefined;
  const apiMessage = apiError?.error?.error?.message;
  if (typeof apiError?.status === "number" && typeof apiMessage === "string") {
    return `API error ${apiError.status}: ${apiMessage}`;
  }
  return error instanceof Error ? error.message : String(error);
}
