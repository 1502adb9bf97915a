// Headless mode (`lcc -p`): one prompt, no REPL. Output as plain text, one JSON result, or stream-json
// (one JSON event per line), with the result object modelled on `claude -p`.

import type { AgentEvent } from "@lcc/s02";
import { describeContinuation, describeRetry } from "@lcc/s11"; // s11: retries and continuations, in words
import { describeMcpServerEvent, toMcpServerEvent } from "@lcc/s19"; // s19: an MCP server's state, in words
import type { OutputFormat } from "../cli/args.ts";
import { EXIT_CODES } from "../cli/help-text.ts";
import type { AgentSession, TurnResult } from "../session/agent-session.ts";
import { describeStopping, runningBackground } from "../session/background-left.ts";
import { cacheHitRate, type TokenUsage } from "../session/cost.ts";
import type { SessionEntry } from "../session/session-log.ts";
import { describeToolInput } from "../terminal/repl-ui.ts";
import { runWithTeam } from "./run-with-team.ts";

export interface HeadlessOptions {
  session: AgentSession;
  prompt: string;
  format: OutputFormat;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal: AbortSignal;
  /** Aborted, with the signal's name as its reason, when SIGTERM or SIGHUP stops lcc: the run ends and its result names it. */
  stopSignal?: AbortSignal;
  workspace: string;
  /** Text format: tool calls on stderr. */
  verbose?: boolean;
  demo?: boolean;
}

/** The final object of json and stream-json output. */
export interface HeadlessResult {
  type: "result";
  subtype: "success" | "error_max_turns" | "error_during_execution" | "error_interrupted";
  is_error: boolean;
  duration_ms: number;
  duration_api_ms: number;
  num_turns: number;
  result: string;
  stop_reason: string;
  session_id: string;
  model: string;
  /** Estimated USD; null when the model's price is unknown. */
  total_cost_usd: number | null;
  usage: TokenUsage;
  /** cache_read_input_tokens / all input tokens of this run (0–1). */
  cache_hit_rate: number;
  /** Tool calls the permission check (s07) refused in this run, as `claude -p` lists them. */
  permission_denials: PermissionDenial[];
  /** Error subtypes: one line saying why the run failed (the Agent SDK's `errors`). */
  errors?: string[];
}

export interface PermissionDenial {
  tool_name: string;
  tool_use_id: string;
  tool_input: unknown;
}

/** Runs the prompt and writes the output; resolves with the process exit code. Never throws for model failures. */
export async function runHeadless(options: HeadlessOptions): Promise<number> {
  const { session, format, stdout } = options;
  const line = (value: unknown) => stdout.write(`${JSON.stringify(value)}\n`);
  const unsubscribes: Array<() => void> = [];
  if (format === "stream-json") {
    line({
      type: "system",
      subtype: "init",
      session_id: session.sessionId(),
      cwd: options.workspace,
      model: session.core.model(),
      tools: session.core.resolved.registry.names(),
      // Where each MCP server stands at the start (s19); its tools join the first request.
      mcp_servers: session.core.setup.mcp.servers().map(({ name, status }) => ({ name, status })),
      demo: Boolean(options.demo),
    });
    unsubscribes.push(session.onHistory((entry) => streamEntry(entry, session.sessionId(), line)));
  }
  const showToolCalls = format === "text" && Boolean(options.verbose);
  const inputs = new Map<string, unknown>();
  const denials: PermissionDenial[] = [];
  // An MCP server that cannot start is said once, never a silent absence of its tools (s19): those that
  // failed already, then (subscribed in the same tick) those that fail later.
  const mcpFailed = (event: AgentEvent) =>
    options.stderr.write(`lcc: warning: ${describeMcpServerEvent(event)}\n`);
  for (const view of session.core.setup.mcp.servers())
    if (view.status === "failed") mcpFailed(toMcpServerEvent(view));
  unsubscribes.push(
    session.core.subscribe((event) => {
      if (event.type === "tool_start") inputs.set(event.id, event.input);
      if (event.type === "tool_decision" && event.phase === "permission" && event.decision === "deny")
        denials.push({ tool_name: event.name, tool_use_id: event.id, tool_input: inputs.get(event.id) });
      // Warnings (a skipped SKILL.md, a session log that cannot be written) go to stderr in every format.
      if (event.type === "notice" && event.level === "warn")
        options.stderr.write(`lcc: warning: ${event.text}\n`);
      if (event.type === "mcp_server" && event.status === "failed") mcpFailed(event);
      // s11's retries and continuations: said on stderr in every format, as events in stream-json.
      if (event.type === "model_retry") {
        options.stderr.write(`lcc: ${describeRetry(event, { cancelHint: false })}\n`);
        if (format === "stream-json") line(retryEvent(event, session.sessionId()));
      }
      const continuation = describeContinuation(event);
      if (continuation) options.stderr.write(`lcc: ${continuation}\n`);
      if (event.type === "tool_start" && showToolCalls)
        options.stderr.write(
          `⏺ ${event.name}(${describeToolInput(event.name, event.input, session.core.resolved)})\n`,
        );
    }),
  );
  const { stopSignal } = options;
  const signal = stopSignal ? AbortSignal.any([options.signal, stopSignal]) : options.signal;
  // With a team (s15) the run goes on until no teammate works; the wait is said once per change on stderr.
  let waitingFor = "";
  const turn = await runWithTeam(session, options.prompt, signal, (names) => {
    const now = names.join(", ");
    if (now !== waitingFor) options.stderr.write(`lcc: waiting for teammates still working: ${now}\n`);
    waitingFor = now;
  });
  for (const unsubscribe of unsubscribes) unsubscribe();
  const leftRunning = runningBackground(session.core.setup);
  if (leftRunning.length > 0) options.stderr.write(`lcc: ${describeLeftRunning(leftRunning)}\n`);
  const stoppedBy = stopSignal?.aborted ? String(stopSignal.reason) : undefined;
  const result = buildResult(turn, session, Boolean(options.demo), stoppedBy, denials);
  if (format === "text") {
    if (result.is_error) options.stderr.write(`lcc: ${describeFailure(result)}\n`);
    const isAnswer =
      stoppedBy === undefined &&
      (result.subtype !== "error_during_execution" || result.stop_reason !== "error");
    if (result.result && isAnswer) stdout.write(`${result.result}\n`);
  } else {
    line(result);
  }
  return exitCodeFor(result);
}

/**
 * The result object of a finished turn. `stoppedBy` (a signal's name) marks a run SIGTERM or SIGHUP
 * ended: error_interrupted, with `result` "terminated by <signal>" in place of the answer.
 */
export function buildResult(
  turn: TurnResult,
  session: AgentSession,
  demo: boolean,
  stoppedBy?: string,
  permissionDenials: PermissionDenial[] = [],
): HeadlessResult {
  const subtype: HeadlessResult["subtype"] =
    stoppedBy !== undefined
      ? "error_interrupted"
      : turn.reason === "max_turns"
        ? "error_max_turns"
        : turn.reason === "aborted"
          ? "error_interrupted"
          : turn.reason === "error" || turn.reason === "max_tokens" || turn.reason === "stopped"
            ? "error_during_execution"
            : "success";
  const cost = demo ? 0 : session.usage.costUsd();
  const failure = subtype === "success" ? undefined : failureLine(turn, subtype, stoppedBy);
  return {
    type: "result",
    subtype,
    is_error: subtype !== "success",
    duration_ms: turn.durationMs,
    duration_api_ms: turn.apiDurationMs,
    num_turns: turn.turns,
    result: stoppedBy === undefined ? turn.text : `terminated by ${stoppedBy}`,
    stop_reason: turn.reason,
    session_id: session.sessionId(),
    model: session.core.model(),
    total_cost_usd: cost ?? null,
    usage: turn.usage,
    cache_hit_rate: Number(cacheHitRate(turn.usage).toFixed(4)),
    permission_denials: permissionDenials,
    ...(failure ? { errors: [failure] } : {}),
  };
}

/** The one line that says why a run failed, for each class of failure (the `errors` of the result). */
function failureLine(turn: TurnResult, subtype: HeadlessResult["subtype"], stoppedBy?: string): string {
  if (stoppedBy !== undefined) return `terminated by ${stoppedBy}`;
  const requests = `${turn.turns} model request${turn.turns === 1 ? "" : "s"}`;
  if (subtype === "error_max_turns")
    return `stopped after ${requests} (--max-turns) before the model finished`;
  if (subtype === "error_interrupted") return "interrupted";
  if (turn.reason === "max_tokens")
    return "the reply hit the output token limit (MAX_TOKENS) and was still cut off after 3 continuations; its text so far is printed";
  if (turn.reason === "stopped") return `stopped: ${turn.detail ?? "a hook ended the run"}`;
  return turn.text || subtype;
}

/** The stderr line of a failed text-format run (stdout keeps whatever answer there was). */
function describeFailure(result: HeadlessResult): string {
  return result.errors?.[0] ?? result.subtype;
}

/** A retry as stream-json reports it (the shape of Claude Code's `system`/`api_retry` message). */
export function retryEvent(event: Extract<AgentEvent, { type: "model_retry" }>, sessionId: string) {
  return {
    type: "system",
    subtype: "api_retry",
    attempt: event.attempt,
    max_retries: event.attempts,
    retry_delay_ms: event.delayMs,
    error_status: event.status ?? null,
    error: event.reason,
    session_id: sessionId,
  };
}

export function exitCodeFor(result: HeadlessResult): number {
  if (result.subtype === "success") return EXIT_CODES.success;
  if (result.subtype === "error_max_turns") return EXIT_CODES.maxTurns;
  if (result.subtype === "error_interrupted") return EXIT_CODES.interrupted;
  return EXIT_CODES.failure;
}

/** Assistant messages and tool results as stream-json events (the user's own prompt is not echoed). */
function streamEntry(entry: SessionEntry, sessionId: string, line: (value: unknown) => void): void {
  if (entry.type === "message" && entry.message.role === "assistant") {
    line({ type: "assistant", message: entry.message, session_id: sessionId });
    return;
  }
  const blocks =
    entry.type === "message" ? entry.message.content : entry.type === "append" ? entry.content : [];
  if (typeof blocks === "string") return;
  const results = blocks.filter((block) => block.type === "tool_result");
  if (results.length > 0)
    line({ type: "user", message: { role: "user", content: results }, session_id: sessionId });
}

/**
 * The rule for background commands in `-p` (s13): the run ends when the model's turn ends, and the
 * commands still running are stopped with it; the model waits for one only by asking
 * (background_check with wait_ms).
 */
export function describeLeftRunning(jobs: readonly { id: string; command: string }[]): string {
  return `${describeStopping(jobs, " at the end of the run")}; lcc -p waits for one only when the model asks (background_check with wait_ms)`;
}
