// The interactive session. In a terminal: the TUI (full/src/tui, loaded only then). Otherwise (piped
// stdin, TERM=dumb): the s01 line REPL (Ctrl-C, Ctrl-D, history, Shift+Tab cycling the permission mode
// shown in the prompt), slash commands, and the renderer with its spinner on the event stream, plain lines.
// Input history persists in `<lcc home>/history`.
import { type AskChannel, type ReplKey, runRepl } from "@lcc/chapter-kit";
import type { AgentEvent } from "@lcc/s02";
import type { AgentSession } from "../session/agent-session.ts";
import { describeStopping, runningBackground } from "../session/background-left.ts";
import { formatTokens } from "../session/cost.ts";
import { describeTeamShutdown, runningTeammates, workingTeammates } from "../session/team-left.ts";
import { appendInputHistory, loadInputHistory } from "../tui/input-history.ts";
import type { Colors } from "./colors.ts";
import { createReplRenderer } from "./repl-ui.ts";
import { describeBackground, describeMode, describeTeam, modeCycle, turnFooter } from "./session-status.ts";
import { describeMissingCommand, isSlashCommand } from "./slash-commands.ts";
import { createSpinner, type Spinner } from "./spinner.ts";

export interface InteractiveOptions {
  session: AgentSession;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  colors: Colors;
  workspace: string;
  historyPath: string;
  demo: boolean;
  /** Draw the spinner: the output is a terminal that understands cursor codes (TERM is not "dumb"). */
  animate: boolean;
  /** The REPL answers the agent's questions (permission prompts) through it. */
  askChannel?: AskChannel;
  /** Printed first (lcc's start lines): the TUI keeps it above the transcript through resizes. */
  banner?: string;
  /** Sent before the first prompt is shown (`lcc "fix the tests"`). */
  initialPrompt?: string;
  sigintSource?: NodeJS.EventEmitter;
}

/**
 * Runs until /exit, Ctrl-D, or Ctrl-C on an empty prompt (EOF when stdin is not a TTY). Both stdin and
 * stdout terminals with cursor codes (`animate`) get the TUI; anything else the line REPL.
 */
export async function runInteractive(options: InteractiveOptions): Promise<void> {
  if (options.input.isTTY && options.output.isTTY && options.animate) {
    // What the session says while the TUI loads (an MCP server connecting) is kept for it, in order.
    const early: AgentEvent[] = [];
    const stopKeeping = options.session.core.subscribe((event) => early.push(event));
    const { runTui } = await import("../tui/run-tui.ts");
    stopKeeping();
    return runTui({ ...options, earlyEvents: early });
  }
  const { session, output, colors } = options;
  const write = (text: string) => output.write(text);
  if (options.banner) write(options.banner);
  const spinner = createSpinner({
    output,
    colors,
    enabled: options.animate,
    status: () => {
      const total = session.usage.total();
      const tokens =
        total.input_tokens +
        total.cache_read_input_tokens +
        total.cache_creation_input_tokens +
        total.output_tokens;
      return `${formatTokens(tokens)} tokens`;
    },
  });
  // What arrives while the prompt waits (a background command finished, a scheduled prompt came due) is
  // printed above the prompt by the REPL, which then draws the prompt again with what was typed.
  let printAbove: ((text: string) => void) | undefined;
  const renderOutput = {
    write: (text: string) => (printAbove ? printAbove(text) : output.write(text)),
  } as NodeJS.WritableStream;
  const render = createReplRenderer({
    output: renderOutput,
    colors,
    spinner,
    setup: () => session.core.resolved,
  });
  /** Shift+Tab's mode change shows in the prompt line, not as a line of its own. */
  let cyclingMode = false;
  session.core.subscribe((event) => {
    if (!(cyclingMode && event.type === "permission_mode")) render(event);
  });
  const permissions = () => session.core.setup.permissions;
  const cycle = modeCycle(permissions().mode());
  const onKey = (key: ReplKey) => {
    if (!isShiftTab(key)) return false;
    cyclingMode = true;
    try {
      permissions().setMode(cycle(permissions().mode()));
    } finally {
      cyclingMode = false;
    }
    return true;
  };

  /** A typed line, or (empty) the messages queued while the prompt was idle. */
  const onLine = async (line: string, signal: AbortSignal) => {
    const settle = () => render.settle();
    signal.addEventListener("abort", settle, { once: true });
    if (line) rememberLine(options, line);
    try {
      if (isSlashCommand(line)) {
        if (!(await session.runCommand(line, signal, write))) write(describeMissingCommand(line));
        return;
      }
      const result = await session.runTurn(line || [], signal);
      render.settle();
      if (result.reason === "error") write(`${colors.red("✗")} Model request failed: ${result.text}\n`);
      else if (result.reason !== "aborted")
        write(`${colors.dim(turnFooter(result.usage, result.durationMs))}\n`);
    } finally {
      signal.removeEventListener("abort", settle);
      // Whatever happened (a command that threw, a compaction), the prompt never shares a line with the spinner.
      render.settle();
    }
  };

  if (options.initialPrompt) {
    const controller = new AbortController();
    const interrupt = () => controller.abort();
    options.sigintSource?.on("SIGINT", interrupt);
    write(`${colors.bold("❯")} ${options.initialPrompt}\n`);
    await onLine(options.initialPrompt, controller.signal).finally(() =>
      options.sigintSource?.off("SIGINT", interrupt),
    );
  }
  await runRepl({
    input: options.input,
    output,
    prompt: () => promptLine(session, colors),
    onKey,
    onLine,
    // readline wants the newest first.
    history: loadInputHistory(options.historyPath).reverse(),
    ...(options.askChannel ? { askChannel: withSpinnerPaused(options.askChannel, spinner) } : {}),
    // Messages queued while the prompt is idle (background results, later) run a turn of their own.
    wake: {
      onPush: (listener) => session.core.queue.onPush(listener),
      run: async (signal) => {
        if (session.core.queue.size() === 0) return false;
        await onLine("", signal);
        return true;
      },
    },
    onReady: (screen) => {
      printAbove = screen.printAbove;
    },
    ...(options.sigintSource ? { sigintSource: options.sigintSource } : {}),
  });
  printAbove = undefined;
  if (output.isTTY) write("\n");
  // The session closes next (s13 stops its background commands): say which ones go with it.
  const left = runningBackground(session.core.setup);
  if (left.length > 0) write(`${colors.dim(`lcc: ${describeStopping(left)}`)}\n`);
  const teammates = runningTeammates(session.core.setup);
  if (teammates.length > 0) write(`${colors.dim(`lcc: ${describeTeamShutdown(teammates)}`)}\n`);
}

/** Shift+Tab: name "tab" with shift, or the raw back-tab sequence when the terminal's name is unknown. */
function isShiftTab(key: ReplKey): boolean {
  return (key.name === "tab" && key.shift === true) || key.sequence === "\x1b[Z";
}

/** The readline prompt: "⚑ 1 working ⧗ 2 background ⏵⏵ accept edits ❯ " (each part only when it says something). */
function promptLine(session: AgentSession, colors: Colors): string {
  const { setup } = session.core;
  const parts = [
    describeTeam(workingTeammates(setup).length, colors),
    describeBackground(setup.background.running(), colors),
    describeMode(setup.permissions.mode(), colors),
  ].filter(Boolean);
  return `${parts.map((part) => `${part} `).join("")}${colors.bold(colors.cyan("❯"))} `;
}

/** Appends a typed line to the history file (piped input is not the user's history). */
function rememberLine(options: InteractiveOptions, line: string): void {
  if (!options.input.isTTY) return;
  try {
    options.session.ensureStateDir();
    appendInputHistory(options.historyPath, line);
  } catch {
    // History is a convenience; failing to save it must not interrupt the session.
  }
}

/**
 * The ask channel with the spinner out of the way while a question is open: its line would otherwise be
 * redrawn over the `answer ›` line. It spins on (same label, same clock) once the answer is in.
 */
function withSpinnerPaused(channel: AskChannel, spinner: Spinner): AskChannel {
  return {
    ask: channel.ask,
    serve(answerer) {
      channel.serve(
        answerer &&
          (async (request, signal) => {
            const resume = spinner.pause();
            try {
              return await answerer(request, signal);
            } finally {
              resume();
            }
          }),
      );
    },
  };
}
