// What the TUI runs, one thing at a time: a submitted input (slash command, message with its @files), a
// turn woken by the queue when idle, commands typed during a turn (after it). Text typed during a turn
// steers it; an interrupt brings back what was not delivered yet.
import type Anthropic from "@anthropic-ai/sdk";
import type { AskAnswer, AskRequest } from "@lcc/chapter-kit";
import { describeStopping, runningBackground } from "../session/background-left.ts";
import { describeTeamShutdown, runningTeammates } from "../session/team-left.ts";
import type { InteractiveOptions } from "../terminal/interactive.ts";
import { turnFooter } from "../terminal/session-status.ts";
import { describeMissingCommand } from "../terminal/slash-commands.ts";
import type { ActivityLine } from "./activity-line.ts";
import { appendInputHistory } from "./input-history.ts";
import { saveMemoryNote } from "./memory-note.ts";
import { readPromptInput } from "./prompt-input.ts";
import type { Steering } from "./steering.ts";
import type { Transcript } from "./transcript.ts";
import { runUserShell, shellContext, type UserShellResult } from "./user-shell.ts";

export interface ShellWorkOptions {
  options: InteractiveOptions;
  transcript: Transcript;
  activity: ActivityLine;
  steering: Steering;
  requestRender(): void;
  /** /exit or /quit was submitted. */
  exit(): void;
  /** Typed messages an interrupt took back, oldest first: they go back into the input. */
  takeBack(texts: string[]): void;
}

export interface ShellWork {
  /** A turn or a command runs now. */
  busy(): boolean;
  /**
   * Runs `text` now when idle; during a turn a message steers it and anything else waits for its end.
   * `shown`: what the transcript shows for it when it runs now (pastes collapsed); default `text`.
   */
  submit(text: string, shown?: string): void;
  /** Adds `text` to the history file. */
  remember(text: string): void;
  /** Aborts what runs; typed messages not yet delivered come back (takeBack). */
  interrupt(): void;
  /** From now on a queue push while idle (a background result, a teammate, cron) runs a turn for it. */
  startWaking(): void;
  /** Stops waking, aborts what runs and waits for it to unwind. */
  stop(): Promise<void>;
  /** The transcript's record of an answered question. */
  describeAnswer(request: AskRequest, answer: AskAnswer): string;
  /** What is left running at exit (background commands, teammates), or "". */
  describeLeft(): string;
}

export function createShellWork(shell: ShellWorkOptions): ShellWork {
  const { options, transcript, activity, steering } = shell;
  const { session, colors } = options;
  const print = (text: string) => transcript.print(text);
  /** Inputs that are not messages, typed during a turn: run after it, in order. */
  const held: string[] = [];
  let current: { controller: AbortController; done: Promise<void> } | undefined;
  let interrupted = false;
  let woken = false;
  let stopped = false;
  let stopWaking: (() => void) | undefined;
  /** Pushes that are not new work (an interrupt putting back other sources' messages) wake nothing. */
  let restoring = false;
  /** Messages typed during a turn, pushed onto the queue in the order typed once their @files are read. */
  let typed: Promise<void> = Promise.resolve();

  const run = (work: (signal: AbortSignal) => Promise<void>) => {
    const controller = new AbortController();
    interrupted = false;
    const done = (async () => {
      try {
        await work(controller.signal);
      } catch (error) {
        print(`${colors.red("✗")} ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        activity.stop();
        current = undefined;
        shell.requestRender();
      }
      if (interrupted) {
        restoring = true;
        try {
          const texts = steering.takeBack();
          const mine = texts.length > 0 ? colors.dim(" · what you typed meanwhile is back in the input") : "";
          print(`${colors.yellow("⏹")} Interrupted${mine}`);
          if (texts.length > 0) shell.takeBack(texts);
        } finally {
          restoring = false;
        }
      }
      next();
    })();
    current = { controller, done };
    shell.requestRender();
  };

  /** Starts what waits, if idle: a held command first, then a turn for queued messages. */
  const next = () => {
    if (current || stopped) return;
    const line = held.shift();
    if (line !== undefined) return run((signal) => runInput(line, signal));
    if (woken && session.core.queue.size() > 0) {
      woken = false;
      run((signal) => runTurn([], signal));
    }
    woken = false;
  };

  const runTurn = async (prompt: string | Anthropic.ContentBlockParam[], signal: AbortSignal) => {
    activity.start();
    const result = await session.runTurn(prompt, signal);
    activity.stop();
    if (result.reason === "error") print(`${colors.red("✗")} Model request failed: ${result.text}`);
    else if (result.reason !== "aborted") print(colors.dim(turnFooter(result.usage, result.durationMs)));
  };

  const runInput = async (text: string, signal: AbortSignal, shown = text) => {
    transcript.user(shown);
    const input = await readPromptInput(text, { workspace: options.workspace });
    if (input.kind === "command") {
      // A long command (/compact asks the model) shows the activity line; run() stops it.
      activity.start(`Running ${input.line.split(/\s/)[0]}…`);
      if (!(await session.runCommand(input.line, signal, print))) print(describeMissingCommand(input.line));
    } else if (input.kind === "shell") {
      activity.start(`Running !${input.command}…`);
      const result = await runUserShell(input.command, { workspace: options.workspace, signal });
      print(describeShellResult(result, colors));
      shellContexts.push(shellContext(input.command, result));
    } else if (input.kind === "memory") {
      const scope = await askMemoryScope(options, signal);
      if (scope) print(await saveMemoryNote(session.core.setup.memory, input.text, scope));
    } else {
      for (const problem of input.problems) print(`${colors.yellow("⚠")} ${problem}`);
      await runTurn(withShellContexts(input.content), signal);
    }
  };
  /** What `!cmd` printed, waiting to ride with the next message (as Claude Code's bash mode). */
  const shellContexts: string[] = [];
  const withShellContexts = (content: string | Anthropic.ContentBlockParam[]) => {
    if (shellContexts.length === 0) return content;
    const blocks: Anthropic.ContentBlockParam[] =
      typeof content === "string" ? [{ type: "text", text: content }] : content;
    const context = shellContexts.splice(0).map((text) => ({ type: "text" as const, text }));
    return [...context, ...blocks];
  };

  return {
    busy: () => current !== undefined,
    submit(text, shown) {
      if (text === "/exit" || text === "/quit") return shell.exit();
      if (!current) return run((signal) => runInput(text, signal, shown));
      const local = text.startsWith("/") || text.startsWith("!") || /^#[^\n]/.test(text);
      if (local) held.push(text);
      // In the order typed, each with its @files read: a steering message joins the next model call.
      else
        typed = typed
          .then(() => readPromptInput(text, { workspace: options.workspace }))
          .then((input) => {
            for (const problem of input.kind === "message" ? input.problems : [])
              print(`${colors.yellow("⚠")} ${problem}`);
            steering.push(text, withShellContexts(input.kind === "message" ? input.content : text));
          });
      shell.requestRender();
    },
    remember(text) {
      try {
        session.ensureStateDir();
        appendInputHistory(options.historyPath, text);
      } catch {
        // History is a convenience; failing to save it must not interrupt the session.
      }
    },
    interrupt() {
      if (!current) return;
      interrupted = true;
      current.controller.abort();
    },
    startWaking() {
      stopWaking = session.core.queue.onPush(() => {
        if (restoring) return;
        woken = true;
        queueMicrotask(next);
      });
      next();
    },
    async stop() {
      stopped = true;
      stopWaking?.();
      held.length = 0;
      current?.controller.abort();
      await current?.done;
    },
    describeAnswer(request, answer) {
      const picked =
        answer.kind === "choice"
          ? (request.choices.find((choice) => choice.key === answer.key)?.label ?? answer.key)
          : answer.reason;
      const reason = answer.kind === "choice" && answer.text ? ` — ${answer.text}` : "";
      return `${colors.dim("?")} ${request.question} ${colors.dim("→")} ${picked}${reason}`;
    },
    describeLeft() {
      const lines: string[] = [];
      const left = runningBackground(session.core.setup);
      if (left.length > 0) lines.push(colors.dim(`lcc: ${describeStopping(left)}`));
      const teammates = runningTeammates(session.core.setup);
      if (teammates.length > 0) lines.push(colors.dim(`lcc: ${describeTeamShutdown(teammates)}`));
      return lines.map((line) => `${line}\n`).join("");
    },
  };
}

/** `!cmd`'s output for the transcript, with how it ended unless it exited 0. */
function describeShellResult(result: UserShellResult, colors: InteractiveOptions["colors"]): string {
  const output = result.output.replace(/\n+$/, "") || colors.dim("(no output)");
  const ended = result.interrupted
    ? "interrupted"
    : result.timedOut
      ? "killed at the timeout"
      : result.exitCode === 0
        ? ""
        : `exit code ${result.exitCode ?? "none"}`;
  return ended ? `${output}\n${colors.yellow(`⎿ ${ended}`)}` : output;
}

/** `#note`: asks where the memory goes (Esc cancels); project without anyone to ask. */
async function askMemoryScope(
  options: InteractiveOptions,
  signal: AbortSignal,
): Promise<"project" | "user" | undefined> {
  if (!options.askChannel) return "project";
  const answer = await options.askChannel.ask(
    {
      source: "memory",
      question: "Save this note to which memory?",
      choices: [
        { key: "p", label: "project memory (this workspace)" },
        { key: "u", label: "user memory (every project)" },
        { key: "c", label: "cancel" },
      ],
    },
    signal,
  );
  if (answer.kind !== "choice" || answer.key === "c") return undefined;
  return answer.key === "u" ? "user" : "project";
}
