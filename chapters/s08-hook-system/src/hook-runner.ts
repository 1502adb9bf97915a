// Runs the hooks of one event: picks those whose matcher fits, gates project hooks on workspace trust,
// runs them in parallel (identical commands once), reports each run as hook_start/hook_end. Never throws.
import type { MessageParam } from "@lcc/s01";
import type { EmitEvent } from "@lcc/s02";
import type { CommandHook, HookEventName } from "./hook-config.ts";
import { matchesHook } from "./hook-matcher.ts";
import { type HookOutcome, readHookOutcome } from "./hook-outcome.ts";
import { runHookCommand } from "./run-hook-command.ts";
import "./hook-events.ts";

export interface FiredHook {
  hook: CommandHook;
  outcome: HookOutcome;
}

export interface HookRunnerOptions {
  hooks: readonly CommandHook[];
  workspace: string;
  sessionId: string;
  emit: EmitEvent;
  /** Whether project hooks may run; asked only when a project hook matches. */
  isTrusted(signal: AbortSignal): Promise<boolean>;
  /** Writes the conversation for `transcript_path` and returns its path (absent: the path is ""). */
  writeTranscript?: (messages: readonly MessageParam[]) => Promise<string>;
  /** The environment hooks start from (default process.env, without the harness's secrets). */
  env?: NodeJS.ProcessEnv;
}

export interface FireRequest {
  /** Event-specific fields of the stdin JSON (tool_name, tool_input, prompt …). */
  input: Record<string, unknown>;
  /** What the matcher is tested on: a tool name, a compaction trigger, a session source. */
  target?: string;
  isTool?: boolean;
  signal: AbortSignal;
  /** The conversation so far, written for the hooks' `transcript_path` when any hook runs. */
  messages?: readonly MessageParam[];
  /**
   * Where the call ran when that is not the session's workspace (a teammate's worktree lane, s18): the
   * hook's working directory and the input's `cwd`. CLAUDE_PROJECT_DIR stays the project (its hook scripts).
   */
  cwd?: string;
}

export interface HookRunner {
  readonly hooks: readonly CommandHook[];
  /**
   * Settles the trust question now when any project hook exists (the session calls it at the first
   * prompt, so the question never comes in the middle of another one). Never throws.
   */
  settleTrust(signal: AbortSignal): Promise<void>;
  /** Runs the matching hooks of `event`; their outcomes in settings order. */
  fire(event: HookEventName, request: FireRequest): Promise<FiredHook[]>;
}

export function createHookRunner(options: HookRunnerOptions): HookRunner {
  return {
    hooks: options.hooks,
    async settleTrust(signal) {
      if (options.hooks.some((hook) => hook.source.scope !== "user"))
        await options.isTrusted(signal).catch(() => false);
    },
    async fire(event, request) {
      const matching = options.hooks.filter(
        (hook) =>
          hook.event === event &&
          (request.target === undefined ||
            matchesHook(hook.matcher, request.target, { isTool: Boolean(request.isTool) })),
      );
      const needsTrust = matching.some((hook) => hook.source.scope !== "user");
      const trusted = needsTrust ? await options.isTrusted(request.signal).catch(() => false) : true;
      const seen = new Set<string>();
      const selected = matching.filter((hook) => {
        if (!trusted && hook.source.scope !== "user") return false;
        if (seen.has(hook.command)) return false;
        seen.add(hook.command);
        return true;
      });
      if (selected.length === 0) return [];
      const transcriptPath = await transcriptFor(request, options);
      const stdin = JSON.stringify({
        session_id: options.sessionId,
        transcript_path: transcriptPath,
        cwd: request.cwd ?? options.workspace,
        hook_event_name: event,
        ...request.input,
      });
      return Promise.all(selected.map((hook) => runOne(hook, stdin, request, options)));
    },
  };
}

/** The transcript path for this batch; "" (and a warning) when it could not be written. */
async function transcriptFor(request: FireRequest, options: HookRunnerOptions): Promise<string> {
  if (!request.messages || !options.writeTranscript) return "";
  try {
    return await options.writeTranscript(request.messages);
  } catch (error) {
    const text = `hook transcript not written: ${error instanceof Error ? error.message : String(error)}`;
    options.emit({ type: "notice", source: "hooks", level: "warn", text });
    return "";
  }
}

async function runOne(
  hook: CommandHook,
  stdin: string,
  request: FireRequest,
  options: HookRunnerOptions,
): Promise<FiredHook> {
  const target = request.target ? { target: request.target } : {};
  options.emit({ type: "hook_start", event: hook.event, command: hook.command, ...target });
  const started = Date.now();
  const run = await runHookCommand(hook.command, {
    cwd: request.cwd ?? options.workspace,
    input: stdin,
    timeoutMs: hook.timeoutSeconds * 1000,
    signal: request.signal,
    env: { CLAUDE_PROJECT_DIR: options.workspace },
    ...(options.env ? { baseEnv: options.env } : {}),
  });
  const outcome = readHookOutcome(run, hook.timeoutSeconds);
  const said = describeOutcome(hook.event, outcome);
  options.emit({
    type: "hook_end",
    event: hook.event,
    command: hook.command,
    ...target,
    ...said,
    durationMs: Date.now() - started,
  });
  return { hook, outcome };
}

/** What hook_end says: the result, and a message when there is something to show (a quiet success has none). */
function describeOutcome(
  event: HookEventName,
  outcome: HookOutcome,
): { result: "ok" | "blocked" | "error"; message?: string } {
  if (outcome.kind === "error") return { result: "error", message: outcome.message };
  if (outcome.kind === "blocking") return { result: "blocked", message: outcome.reason };
  const output = outcome.output;
  const blocked =
    output?.decision === "block" || output?.permissionDecision === "deny" || output?.continue === false;
  if (blocked) {
    const message =
      output?.systemMessage ?? output?.permissionDecisionReason ?? output?.reason ?? output?.stopReason;
    return { result: "blocked", ...(message ? { message } : {}) };
  }
  const takesText = event === "UserPromptSubmit" || event === "SessionStart";
  const context = output?.additionalContext ?? (takesText && !output ? outcome.text : "");
  const said = [
    output?.systemMessage,
    output?.permissionDecision
      ? `${output.permissionDecision}${output.permissionDecisionReason ? `: ${output.permissionDecisionReason}` : ""}`
      : undefined,
    output?.updatedInput ? "changed the input" : undefined,
    context ? `added context: ${context.length > 80 ? `${context.slice(0, 80)}…` : context}` : undefined,
  ].filter(Boolean);
  return { result: "ok", ...(said.length > 0 ? { message: said.join("; ") } : {}) };
}
