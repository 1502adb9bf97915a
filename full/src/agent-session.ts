// One conversation: the full setup, the loop, usage metering and the session log, shared by the REPL
// and headless mode. Events go to subscribers; history changes go to the log (and stream-json).
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { appendUserContent, type ChapterContext, type MessageParam, textOf } from "@lcc/s01";
import {
  type AgentEvent,
  type AgentHooks,
  type AgentState,
  combineHooks,
  createStreamingCallModel,
  type LoopEndReason,
  type ResolvedSetup,
  resolveSetup,
  runAgentLoop, // s02: the loop with seams
} from "@lcc/s02";
import { ensureLccHome } from "@lcc/s04"; // s04: the state folder, kept out of git
import { type Capabilities, createFullSetup, type FullSetup } from "./agent-setup.ts";
import { createUsageTracker, type TokenUsage, type UsageTracker } from "./cost.ts";
import { meterCallModel, toTokenUsage } from "./meter-call-model.ts";
import { createSessionEvents } from "./session-events.ts";
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
  /** Usage of every request this process made, across /clear and /resume. */
  readonly usage: UsageTracker;
  /** The current conversation's capabilities; a new conversation (/clear, /resume) gets new ones. */
  readonly capabilities: Capabilities;
  /** The current conversation's system prompt, tools and hooks (fixed for the conversation's life). */
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
  /** Starts a new, empty conversation with a new session id and a fresh setup (plan, skills, compaction). */
  clear(): void;
  /** Switches to a session read from disk (the REPL's /resume), with a fresh setup like clear(). */
  resume(loaded: LoadedSession): void;
  /**
   * Subscribes to the event stream. The notices the setup raised while the session was created (a
   * skipped SKILL.md, the skills available) are delivered to the first listener.
   */
  onEvent(listener: (event: AgentEvent) => void): () => void;
  /** History changes, as written to the session log. */
  onHistory(listener: (entry: SessionEntry) => void): () => void;
  /** Closes the log and waits for pending state-folder work. */
  close(): Promise<void>;
}

/** What belongs to one conversation: its log, its setup (plan, skills, compaction state) and its recorder. */
interface Conversation {
  log: SessionLog;
  setup: FullSetup;
  resolved: ResolvedSetup;
  recorder: ReturnType<typeof createHistoryRecorder>;
}

/**
 * Creates the session. Each conversation builds its setup once (tools and system prompt never change
 * mid-conversation); /clear and /resume build a new one, so no plan, loaded skill or compaction state
 * of one conversation leaks into the next.
 */
export function createAgentSession(options: AgentSessionOptions): AgentSession {
  const events = createSessionEvents();
  const { emit } = events;
  const historyListeners = new Set<(entry: SessionEntry) => void>();
  const usage = createUsageTracker(options.free ? { free: true } : {});
  let model = options.config.model;
  /** The config the chapters see: `model` follows /model, so subagents switch along with the parent. */
  const liveConfig = {
    ...options.config,
    get model() {
      return model;
    },
  };
  let apiMs = 0;
  const callModel = meterCallModel(createStreamingCallModel(options.client), (request, message, ms) => {
    apiMs += ms;
    usage.record(request.model, message.usage);
    conversation.log.write({ type: "usage", model: request.model, usage: toTokenUsage(message.usage) });
  });
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

  /** The log of a new or resumed conversation; it starts with a session_start or session_resume record. */
  function openLog(loaded: LoadedSession | undefined): SessionLog {
    const id = loaded?.id ?? createSessionId();
    const file = createSessionLog(sessionsDir, id, {
      openDir: ensureStateDir,
      onError(error) {
        const reason = error instanceof Error ? error.message : String(error);
        const text = `Session log off: cannot write ${file.path} (${reason}). This conversation cannot be resumed.`;
        emit({ type: "notice", source: "session", level: "warn", text });
      },
    });
    let started = false;
    return {
      id,
      path: file.path,
      close: () => file.close(),
      write(entry) {
        if (!started) {
          started = true;
          const { workspace: cwd, version } = options;
          file.write(
            loaded
              ? { type: "session_resume", session_id: id, model }
              : { type: "session_start", session_id: id, model, cwd, version },
          );
        }
        file.write(entry);
      },
    };
  }
  const begin = (loaded: LoadedSession | undefined): Conversation => {
    state.messages = loaded ? loaded.messages : [];
    // The last request's usage described the previous conversation (s06 would compact on it).
    delete state.lastUsage;
    const setup = events.buildSetup((setupEmit) =>
      createFullSetup({ ...options, config: liveConfig, callModel, emit: setupEmit }),
    );
    return {
      log: openLog(loaded),
      setup,
      resolved: resolveSetup(setup),
      // Repair answers (a turn cut by a crash) are new: leave them out of the baseline so they get logged.
      recorder: createHistoryRecorder(
        loaded?.repairedToolUseIds.length ? loaded.messages.slice(0, -1) : state.messages,
      ),
    };
  };
  let conversation = begin(options.resume);
  events.endStartup();
  const restart = (loaded: LoadedSession | undefined) => {
    conversation.log.close();
    conversation = begin(loaded);
  };

  const sync = () => {
    for (const entry of conversation.recorder.sync(state.messages)) {
      conversation.log.write(entry);
      for (const listener of historyListeners) listener(entry);
    }
  };

  // The loop appends a round's tool results just before the next round's context work, which can be
  // a long compaction: log them first, so a crash there does not lose the results of finished tools.
  const logHistoryFirst: AgentHooks = {
    transformContext(messages) {
      sync();
      return messages;
    },
  };

  return {
    state,
    usage,
    get capabilities() {
      return conversation.setup.capabilities;
    },
    get resolved() {
      return conversation.resolved;
    },
    sessionsDir,
    ensureStateDir,
    sessionId: () => conversation.log.id,
    sessionPath: () => conversation.log.path,
    model: () => model,
    setModel(next) {
      model = next;
    },
    async runTurn(prompt, signal) {
      const started = Date.now();
      const apiBefore = apiMs;
      const { resolved } = conversation;
      const hooks = combineHooks(logHistoryFirst, resolved.hooks);
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
          hooks,
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
      conversation.log.write({ type: "turn_result", reason: result.reason, turns: result.turns });
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
      const compact = conversation.setup.capabilities.compact;
      if (!compact) return "Compaction is not available in this build.";
      const outcome = await compact(state.messages, focus, signal);
      if (outcome.messages) {
        state.messages = outcome.messages;
        delete state.lastUsage;
        sync();
      }
      return outcome.report;
    },
    clear: () => restart(undefined),
    resume: (loaded) => restart(loaded),
    onEvent: (listener) => events.subscribe(listener),
    onHistory(listener) {
      historyListeners.add(listener);
      return () => historyListeners.delete(listener);
    },
    async close() {
      conversation.log.close();
      await excluded;
    },
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
