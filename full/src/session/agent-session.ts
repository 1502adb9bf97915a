// lcc's product layer around the chapters' session core (s02 createSessionAgent): the session log,
// usage metering and the turn summary. No turn loop here: every prompt runs through the core.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import type { ChapterContext } from "@lcc/chapter-kit";
import { type MessageParam, textOf } from "@lcc/s01";
import {
  createSessionAgent,
  createStreamingCallModel,
  type LoopEndReason,
  type SessionAgent,
  type SlashCommand,
} from "@lcc/s02"; // s02: the session core, the loop with seams
import { ensureLccHome } from "@lcc/s04"; // s04: the state folder, kept out of git
import { createNotifyingAsk } from "@lcc/s08"; // s08: Notification hooks before a question
import { createFullSetup, type FullSetup, type ProductParts } from "../full-setup.ts";
import { createUsageTracker, type TokenUsage, type UsageTracker } from "./cost.ts";
import { describeError } from "./describe-error.ts";
import { meterCallModel, toTokenUsage } from "./meter-call-model.ts";
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
  /** Lines /help prints after the commands (the commands later chapters bring). */
  helpNotes?: string[];
  /** Permission mode and extra rules from the command line (s07). */
  permissions?: ProductParts["permissions"];
  /** false: hooks from the workspace's own settings never run (s08, --no-project-hooks). */
  projectHooks?: boolean;
  /** Hooks from lcc itself (the demo model's), as s08 settings. */
  hookSettings?: ProductParts["hookSettings"];
  /** --fallback-model: retries after repeated overloads go to this model (s11). */
  fallbackModel?: string;
  /** false (`lcc -p`): scheduled prompts never fire in this session (s14). */
  cronFires?: boolean;
  /** Teammates' names in colour (s15); default: the chapter's own check of the output. */
  teamColor?: boolean;
  /** --mcp-config values (files or inline JSON) and --strict-mcp-config (s19). */
  mcpConfig?: ProductParts["mcpConfig"];
  strictMcpConfig?: boolean;
  /** Product slash commands (/cost, /model, /resume), given the session they act on (read when they run). */
  commands?: (session: () => AgentSession) => SlashCommand[];
}

export interface TurnResult {
  reason: LoopEndReason;
  /** Model requests made in this turn. */
  turns: number;
  /**
   * The answer: the last assistant message's text — with the replies before it that max_tokens cut off
   * and s11 continued, joined — or the error message.
   */
  text: string;
  error?: unknown;
  /** Why a hook or guard stopped the run (reason "stopped": a doom loop, a Stop hook). */
  detail?: string;
  usage: TokenUsage;
  durationMs: number;
  apiDurationMs: number;
}

export interface AgentSession {
  /** The chapters' session core: history, setup, commands, queue, events. */
  readonly core: SessionAgent<FullSetup>;
  /** Usage of every request this process made, across /clear and /resume. */
  readonly usage: UsageTracker;
  /** `<lcc home>/sessions`. */
  readonly sessionsDir: string;
  sessionId(): string;
  sessionPath(): string;
  /** Runs one prompt through the core and sums it up. Never throws for model or tool failures. */
  runTurn(prompt: string | Anthropic.ContentBlockParam[], signal: AbortSignal): Promise<TurnResult>;
  /** Runs a slash command of the setup (chapters' and product's); false when `line` is not one. */
  runCommand(line: string, signal: AbortSignal, write: (text: string) => void): Promise<boolean>;
  /** Creates the state folder (sync) and adds it to .git/info/exclude (async, awaited by close). */
  ensureStateDir(): void;
  /** Switches to a session read from disk (/resume): a fresh setup, its history, its log. */
  resume(loaded: LoadedSession): Promise<void>;
  /** History changes, as written to the session log. */
  onHistory(listener: (entry: SessionEntry) => void): () => void;
  /** Closes the log and waits for pending state-folder work. */
  close(): Promise<void>;
}

/**
 * Creates the session: the chapters' core with lcc's setup and a metered model call, and a log per
 * conversation. A conversation starts at creation, on /clear (the core's command) and on /resume;
 * each gets a fresh setup and a log of its own.
 */
export async function createAgentSession(options: AgentSessionOptions): Promise<AgentSession> {
  const historyListeners = new Set<(entry: SessionEntry) => void>();
  const usage = createUsageTracker(options.free ? { free: true } : {});
  const sessionsDir = join(options.lccHome, "sessions");
  let apiMs = 0;
  let excluded: Promise<unknown> | undefined;
  const ensureStateDir = () => {
    if (existsSync(sessionsDir)) return;
    // s04's helper creates the folder and adds it to .git/info/exclude. It runs git, so do it only
    // when the folder is new; it overlaps the model request and close() waits for it.
    const isNew = !existsSync(options.lccHome);
    mkdirSync(sessionsDir, { recursive: true, mode: 0o700 });
    if (isNew) excluded ??= ensureLccHome(options.workspace, options.env ?? {}).catch(() => undefined);
  };
  /** The conversation's log and the recorder that turns history changes into log records. */
  let log: SessionLog;
  let recorder: ReturnType<typeof createHistoryRecorder>;
  /** Set by resume() so the next conversation_start continues that session's file. */
  let resuming: LoadedSession | undefined = options.resume;
  const callModel = meterCallModel(createStreamingCallModel(options.client), (request, message, ms) => {
    apiMs += ms;
    usage.record(request.model, message.usage);
    log.write({ type: "usage", model: request.model, usage: toTokenUsage(message.usage) });
  });
  const sync = () => {
    for (const entry of recorder.sync(core.state.messages)) {
      log.write(entry);
      for (const listener of historyListeners) listener(entry);
    }
  };
  // The round's tool results are logged before the next round's context work (a compaction can take long).
  const logHistoryFirst = (messages: MessageParam[]) => {
    sync();
    return messages;
  };
  let session: AgentSession;
  // s08: Notification hooks hear about every question the user is asked (the setup's runner, once built).
  let hookRunner: () => FullSetup["hookRunner"] | undefined = () => undefined;
  const ask = options.ask ? { ask: createNotifyingAsk(options.ask, () => hookRunner()) } : {};
  const core = await createSessionAgent(
    (context) =>
      createFullSetup(context, {
        hooks: [{ transformContext: logHistoryFirst }],
        commands: options.commands?.(() => session) ?? [],
        helpNotes: options.helpNotes ?? [],
        ...(options.permissions ? { permissions: options.permissions } : {}),
        ...(options.projectHooks === undefined ? {} : { projectHooks: options.projectHooks }),
        ...(options.hookSettings ? { hookSettings: options.hookSettings } : {}),
        ...(options.fallbackModel ? { fallbackModel: options.fallbackModel } : {}),
        ...(options.cronFires === false ? { cronFires: false } : {}),
        ...(options.teamColor === undefined ? {} : { teamColor: options.teamColor }),
        ...(options.mcpConfig?.length ? { mcpConfig: options.mcpConfig } : {}),
        ...(options.strictMcpConfig ? { strictMcpConfig: true } : {}),
      }),
    { ...options, ...ask },
    { callModel, print: false, ...(options.maxTurns === undefined ? {} : { maxTurns: options.maxTurns }) },
  );
  hookRunner = () => core.setup.hookRunner;
  const notice = (text: string, level: "info" | "warn" = "info") =>
    core.emit({ type: "notice", source: "session", level, text });
  const beginConversation = () => {
    const previous = log;
    previous?.close();
    const loaded = resuming;
    resuming = undefined;
    log = openLog(loaded);
    if (previous && !loaded)
      notice(
        `New session ${log.id}; the previous one, ${previous.id}, stays on disk (/resume ${previous.id}).`,
      );
    if (loaded?.tornTail)
      notice(
        `The last line of session ${loaded.id} was cut off by a crash; its ${loaded.tornTail.bytes} bytes were moved to ${loaded.tornTail.path} and the session goes on from the last whole line.`,
        "warn",
      );
    // Repair answers (a turn cut by a crash) are new: leave them out of the baseline so they get logged.
    recorder = createHistoryRecorder(
      loaded?.repairedToolUseIds.length ? loaded.messages.slice(0, -1) : core.state.messages,
    );
  };
  function openLog(loaded: LoadedSession | undefined): SessionLog {
    const id = loaded?.id ?? createSessionId();
    const file = createSessionLog(sessionsDir, id, {
      ...(loaded?.lock ? { lock: loaded.lock } : {}),
      openDir: ensureStateDir,
      onError(error) {
        const reason = error instanceof Error ? error.message : String(error);
        const text = `Session log off: cannot write ${file.path} (${reason}). This conversation cannot be resumed.`;
        core.emit({ type: "notice", source: "session", level: "warn", text });
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
          const model = core.model();
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
  if (options.resume) {
    core.state.messages = options.resume.messages;
    restoreLastUsage(core.state, options.resume);
  }
  beginConversation();
  // The answer's parts: a reply cut by max_tokens and each continuation of it (s11).
  let answerParts: string[] = [];
  let continuing = false;
  core.subscribe(
    (event) => {
      if (event.type === "turn_end") {
        // Untrimmed: a continuation goes on mid-sentence ("… starts here and " + "ends here.").
        const text = event.message.content.map((block) => (block.type === "text" ? block.text : "")).join("");
        answerParts = continuing ? [...answerParts, text] : [text];
        continuing = false;
      }
      if (event.type === "loop_continue") continuing = event.reason === "max_tokens";
      if (event.type === "conversation_start") beginConversation();
      if (event.type === "turn_start" || event.type === "turn_end" || event.type === "agent_end") sync();
      if (event.type === "loop_continue")
        log.write({ type: "continuation", reason: event.reason, turn: event.turn });
      if (event.type === "model_retry") {
        const { reason, attempt, attempts, delayMs } = event;
        log.write({ type: "retry", reason, attempt, attempts, delay_ms: delayMs });
      }
    },
    { replay: false },
  );

  const answerOf = (reason: LoopEndReason, error: unknown): string => {
    if (reason === "error") return describeError(error, options.client.baseURL);
    const last = lastAssistantText(core.state.messages, reason);
    // An interrupted reply was never a finished round: it is the last message as it stands.
    return reason === "aborted" || !last ? last : answerParts.join("").trim();
  };
  session = {
    core,
    usage,
    sessionsDir,
    ensureStateDir,
    sessionId: () => log.id,
    sessionPath: () => log.path,
    async runTurn(prompt, signal) {
      const started = Date.now();
      const apiBefore = apiMs;
      usage.mark();
      answerParts = [];
      continuing = false;
      const result = await core.runTurn(prompt, signal);
      sync();
      log.write({ type: "turn_result", reason: result.reason, turns: result.turns });
      return {
        reason: result.reason,
        turns: result.turns,
        text: answerOf(result.reason, result.error),
        ...(result.error === undefined ? {} : { error: result.error }),
        ...(result.detail === undefined ? {} : { detail: result.detail }),
        usage: usage.sinceMark(),
        durationMs: Date.now() - started,
        apiDurationMs: apiMs - apiBefore,
      };
    },
    async runCommand(line, signal, write) {
      const ran = await core.runCommand(line, signal, write);
      // A command may have changed the history (/compact): log it like a turn's changes.
      if (ran) sync();
      return ran;
    },
    async resume(loaded) {
      resuming = loaded;
      await core.reset(loaded.messages);
      restoreLastUsage(core.state, loaded);
    },
    onHistory(listener) {
      historyListeners.add(listener);
      return () => historyListeners.delete(listener);
    },
    async close() {
      // s08's SessionEnd hooks (bounded), the session's own closers (s13 stops its background commands,
      // s14 its scheduler), then the log and the state folder's git exclude.
      await core.setup.endSession("exit").catch(() => undefined);
      await core.close();
      log.close();
      await excluded;
    },
  };
  return session;
}

/**
 * The answer: the text of the last message when the model wrote it; after a reply cut by max_tokens
 * (followed by answers to its unfinished tool calls), that reply's text.
 */
function lastAssistantText(messages: readonly MessageParam[], reason: LoopEndReason): string {
  const last =
    reason === "max_tokens" ? messages.findLast((message) => message.role === "assistant") : messages.at(-1);
  if (last?.role !== "assistant") return "";
  return typeof last.content === "string" ? last.content : textOf(last.content);
}

/** The size the loaded session's last request reported becomes the core's, so /context and s06 see it. */
function restoreLastUsage(state: SessionAgent["state"], loaded: LoadedSession): void {
  if (!loaded.lastUsage) return;
  // The log keeps the four counts; what else the API reported is not known any more.
  const unknown = { cache_creation: null, inference_geo: null, output_tokens_details: null, speed: null };
  state.lastUsage = { ...loaded.lastUsage, ...unknown, server_tool_use: null, service_tier: null };
}
