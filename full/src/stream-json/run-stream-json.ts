// `lcc --input-format stream-json --output-format stream-json`: the engine of an Agent SDK app. Each user
// message on stdin is one turn of the same session (system/init, its messages, one result); control
// requests are answered meanwhile; the end of stdin ends the run.
import type Anthropic from "@anthropic-ai/sdk";
import { compactOptionsFromEnv, resolveCompactOptions } from "@lcc/s06"; // s06: the context window
import { claudeToolName, hookToolInput } from "@lcc/s08"; // s08: Claude Code's tool names and fields
import { DEFAULT_STARTUP_WAIT_MS } from "@lcc/s19"; // s19: how long the first request waits for MCP servers
import { EXIT_CODES } from "../cli/help-text.ts";
import { buildResult, exitCodeFor, type PermissionDenial } from "../headless/headless.ts";
import { runWithTeam } from "../headless/run-with-team.ts";
import type { AgentSession, TurnResult } from "../session/agent-session.ts";
import { emptyUsage } from "../session/cost.ts";
import { createControlHandler } from "./control-handler.ts";
import { buildInitMessage, type InitFacts } from "./init-message.ts";
import type { StreamJsonOpening } from "./open-stream-json.ts";
import type { UserLine } from "./protocol.ts";
import { buildResultMessage, type RunTotals } from "./result-message.ts";
import { streamSdkMessages } from "./sdk-messages.ts";
import { reportOnStderr } from "./stderr-notices.ts";

export interface RunStreamJsonOptions {
  session: AgentSession;
  opening: StreamJsonOpening;
  facts: InitFacts;
  totals: Omit<RunTotals, "usage">;
  stderr: NodeJS.WritableStream;
  /** Aborted (reason: the signal's name) on SIGTERM/SIGHUP: the running turn ends with its result, then the run. */
  stopSignal?: AbortSignal;
  /** SIGINT: stops the running turn, as an `interrupt` request does. */
  sigintSource?: NodeJS.EventEmitter;
}

/**
 * Runs turns until stdin ends (or a stop signal); resolves with the exit code of the last turn's result
 * (0 when there was none), as `lcc -p` would exit after it. Never throws for model or tool failures.
 */
export async function runStreamJson(options: RunStreamJsonOptions): Promise<number> {
  const { session, opening } = options;
  const { connection } = opening;
  let running: AbortController | undefined;
  const interrupt = () => running?.abort(new Error("interrupted"));
  opening.interrupt.current = interrupt;
  connection.serve(
    createControlHandler({
      session,
      facts: options.facts,
      defaultModel: session.core.model(),
      initializeExtras: opening.initializeExtras,
      interrupt() {
        interrupt();
        return connection.waitingUsers().flatMap((line) => (line.uuid ? [line.uuid] : []));
      },
    }),
  );
  const stopStreaming = streamSdkMessages(session, connection.send);
  const stopReporting = reportOnStderr(session, options.stderr);
  const denials = trackDenials(session);
  const onSigint = () => interrupt();
  options.sigintSource?.on("SIGINT", onSigint);
  const totals: RunTotals = { ...options.totals, usage: session.usage };
  let code: number = EXIT_CODES.success;
  try {
    for (;;) {
      const line = await nextPrompt(connection.nextUser(), options.stopSignal);
      if (!line || options.stopSignal?.aborted) break;
      running = new AbortController();
      const signal = options.stopSignal
        ? AbortSignal.any([running.signal, options.stopSignal])
        : running.signal;
      // The wait the first request would make anyway, made first: init then says which servers are connected.
      await untilAborted(session.core.setup.mcp.settled(DEFAULT_STARTUP_WAIT_MS), signal);
      connection.send(buildInitMessage(session, options.facts));
      denials.clear();
      const prompt = promptOf(line);
      const turn =
        (typeof prompt === "string" ? await runSlashCommand(session, prompt, signal) : undefined) ??
        (await runWithTeam(session, prompt, signal));
      running = undefined;
      const stoppedBy = options.stopSignal?.aborted ? String(options.stopSignal.reason) : undefined;
      const result = buildResult(turn, session, options.totals.free, stoppedBy, denials.list());
      connection.send(buildResultMessage(result, totals));
      code = exitCodeFor(result);
    }
  } finally {
    options.sigintSource?.off("SIGINT", onSigint);
    stopStreaming();
    stopReporting();
    denials.stop();
    connection.close();
  }
  return code;
}

/** What each model's modelUsage row states beside its tokens: the context window (s06) and the output budget. */
export function streamJsonTotals(env: NodeJS.ProcessEnv, maxOutputTokens: number, free: boolean) {
  const { contextWindow } = resolveCompactOptions(compactOptionsFromEnv(env));
  return { contextWindow, maxOutputTokens, free };
}

/** Resolves when `promise` settles or `signal` aborts, whichever comes first. */
function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
    void promise.then(resolve, resolve);
  });
}

/** The next prompt, or undefined when stdin ended or the stop signal came first. */
function nextPrompt(next: Promise<UserLine | undefined>, stop?: AbortSignal): Promise<UserLine | undefined> {
  if (!stop) return next;
  return new Promise((resolve) => {
    const onStop = () => resolve(undefined);
    if (stop.aborted) return onStop();
    stop.addEventListener("abort", onStop, { once: true });
    void next.then((line) => {
      stop.removeEventListener("abort", onStop);
      resolve(line);
    });
  });
}

/**
 * A prompt that is one of the session's slash commands (the init message's slash_commands) runs as the
 * command, as typed at lcc's prompt: no model request, its output is the result. Undefined for other prompts.
 */
async function runSlashCommand(
  session: AgentSession,
  prompt: string,
  signal: AbortSignal,
): Promise<TurnResult | undefined> {
  const started = Date.now();
  let output = "";
  const write = (text: string) => {
    output += text;
  };
  const ended = (reason: TurnResult["reason"], text: string): TurnResult => {
    const durationMs = Date.now() - started;
    return { reason, turns: 0, text, usage: emptyUsage(), durationMs, apiDurationMs: 0 };
  };
  try {
    return (await session.runCommand(prompt, signal, write)) ? ended("end_turn", output.trim()) : undefined;
  } catch (error) {
    const name = prompt.trim().split(/\s/)[0];
    return ended("error", `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The message's content as the turn's prompt: text as is, content blocks (text, images) as the SDK sent them. */
function promptOf(line: UserLine): string | Anthropic.ContentBlockParam[] {
  const content = line.message.content;
  return typeof content === "string" ? content : (content as unknown as Anthropic.ContentBlockParam[]);
}

/**
 * The calls the permission check refused in the current turn (the result's permission_denials), under
 * Claude Code's tool names and fields as the host's canUseTool saw them.
 */
function trackDenials(session: AgentSession) {
  const inputs = new Map<string, unknown>();
  let denials: PermissionDenial[] = [];
  const stop = session.core.subscribe(
    (event) => {
      if (event.type === "tool_start") inputs.set(event.id, event.input);
      if (event.type === "tool_decision" && event.phase === "permission" && event.decision === "deny")
        denials.push({
          tool_name: claudeToolName(event.name),
          tool_use_id: event.id,
          tool_input: hookToolInput(inputs.get(event.id)),
        });
    },
    { replay: false },
  );
  return {
    list: () => denials,
    clear() {
      denials = [];
      inputs.clear();
    },
    stop,
  };
}
