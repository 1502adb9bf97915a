// runRepl in-process: lines in order, lines typed during a turn, Ctrl-C, EOF and /exit.
import { PassThrough } from "node:stream";
import { captureOutput } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runRepl } from "./repl.ts";

/** A REPL on in-memory streams; `terminal` makes both look like a TTY. */
function setup(options: { terminal?: boolean } = {}) {
  const input = Object.assign(new PassThrough(), { isTTY: options.terminal ?? false });
  const output = Object.assign(captureOutput(), { isTTY: options.terminal ?? false });
  const handled: string[] = [];
  const signals: AbortSignal[] = [];
  let release: (() => void) | undefined;
  let turnStarted: (() => void) | undefined;
  const start = () =>
    runRepl({
      input,
      output,
      prompt: "test > ",
      onLine: async (line, signal) => {
        handled.push(line);
        signals.push(signal);
        turnStarted?.();
        await new Promise<void>((resolve) => {
          release = resolve;
          signal.addEventListener("abort", () => resolve(), { once: true });
        });
      },
    });
  const nextTurn = () =>
    new Promise<void>((resolve) => {
      turnStarted = resolve;
    });
  return { input, output, handled, signals, start, nextTurn, finishTurn: () => release?.() };
}

/** Lets pending stream events and promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("runRepl", () => {
  it("handles piped lines one at a time, in order, echoes each after the prompt and ends at EOF", async () => {
    const { input, output, handled, start, nextTurn, finishTurn } = setup();
    const done = start();
    const first = nextTurn();
    input.end("one\n\ntwo\n");
    await first;
    expect(handled).toEqual(["one"]);
    const second = nextTurn();
    finishTurn();
    await second;
    finishTurn();
    await done;
    expect(handled).toEqual(["one", "two"]);
    expect(output.text()).toBe("test > one\ntest > two\n");
  });

  it("in a terminal, echoes a line typed during a turn when its turn comes", async () => {
    const { input, output, handled, start, nextTurn, finishTurn } = setup({ terminal: true });
    const done = start();
    const first = nextTurn();
    input.write("first\r");
    await first;
    const second = nextTurn();
    input.write("typed ahead\r");
    finishTurn();
    await second;
    expect(handled).toEqual(["first", "typed ahead"]);
    expect(output.text()).toContain("test > typed ahead\n");
    finishTurn();
    input.end();
    await done;
  });

  it("in a terminal, Ctrl-C aborts the running turn only; Ctrl-C at the empty prompt ends the REPL", async () => {
    const { input, output, handled, signals, start, nextTurn } = setup({ terminal: true });
    const done = start();
    const first = nextTurn();
    input.write("slow task\r");
    await first;
    input.write("\x03");
    await settle();
    expect(signals[0]?.aborted).toBe(true);
    expect(output.text()).toContain("^C interrupted");
    const second = nextTurn();
    input.write("next task\r");
    await second;
    expect(signals[1]?.aborted).toBe(false);
    input.write("\x03");
    await settle();
    input.write("\x03");
    await done;
    expect(handled).toEqual(["slow task", "next task"]);
  });

  it("stops at /exit without handling later lines", async () => {
    const { input, handled, start } = setup();
    const done = start();
    input.end("/exit\nnot handled\n");
    await done;
    expect(handled).toEqual([]);
  });

  it("reads a prompt function each time it echoes a line, so a changed mode shows", async () => {
    const input = Object.assign(new PassThrough(), { isTTY: false });
    const output = Object.assign(captureOutput(), { isTTY: false });
    let turns = 0;
    const done = runRepl({
      input,
      output,
      prompt: () => (turns === 0 ? "> " : `[turn ${turns}] > `),
      onLine: async () => {
        turns++;
      },
    });
    input.end("one\ntwo\n");
    await done;
    expect(output.text()).toBe("> one\n[turn 1] > two\n");
  });
});
