// The chapter CLI and queued work: a demo that waits for the idle agent to be woken, a session closed
// when its REPL ends, and SIGTERM/SIGHUP ending a chapter like Ctrl-C then Ctrl-D, with 128 + signal.
import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { createTempWorkspace, reply, startFakeApi, text } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import {
  type Chapter,
  type ChapterAgent,
  type ChapterIo,
  runChapterDemo,
  runChapterMain,
} from "./chapter-cli.ts";

const addCleanup = useCleanups();

/**
 * A chapter whose "start job" line finishes a job 50 ms later and queues its result; the idle agent is
 * woken by it and prints it. `log` records what happened, in order.
 */
function createJobChapter(log: string[]): Chapter {
  return {
    id: "sjob",
    title: "job chapter",
    createAgent: ({ output }): ChapterAgent => {
      const listeners = new Set<() => void>();
      const queued: string[] = [];
      return {
        async handleLine(line) {
          log.push(`line:${line}`);
          if (line === "start job")
            setTimeout(() => {
              queued.push("job done");
              for (const listener of listeners) listener();
            }, 50);
        },
        wake: {
          onPush(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          async run() {
            const items = queued.splice(0);
            if (items.length === 0) return false;
            log.push(`woken:${items.join(",")}`);
            output.write(`woken by ${items.join(", ")}\n`);
            return true;
          },
        },
        async close() {
          log.push("closed");
        },
      };
    },
  };
}

async function homeIo(stdin: PassThrough, sigintSource?: EventEmitter) {
  const home = await createTempWorkspace();
  addCleanup(home.cleanup);
  const stdout = captureOutput();
  const io: ChapterIo = {
    argv: [],
    env: { HOME: home.dir },
    cwd: home.dir,
    stdin,
    stdout,
    stderr: captureOutput(),
    ...(sigintSource ? { sigintSource } : {}),
  };
  return { io, stdout };
}

describe("chapter lifetime", () => {
  it("a demo's waitForWake step types the next prompt only after the woken turn, and the session is closed", async () => {
    const log: string[] = [];
    const { io, stdout } = await homeIo(new PassThrough());
    const scenario = {
      prompts: ["start job", { waitForWake: true as const }, "after"],
      script: [reply(text("unused"))],
    };
    expect(await runChapterDemo(createJobChapter(log), scenario, io)).toBe(0);
    expect(log).toEqual(["line:start job", "woken:job done", "line:after", "closed"]);
    expect(stdout.text()).toContain("woken by job done");
  });

  it("a waitForWake step that nothing answers says so and ends the demo", async () => {
    const log: string[] = [];
    const { io, stdout } = await homeIo(new PassThrough());
    const scenario = {
      prompts: ["idle", { waitForWake: true as const, timeoutMs: 100 }, "never typed"],
      script: [reply(text("unused"))],
    };
    expect(await runChapterDemo(createJobChapter(log), scenario, io)).toBe(0);
    expect(log).toEqual(["line:idle", "closed"]);
    expect(stdout.text()).toContain("(the demo waited 0.1 s for queued work that never came)");
  });

  it("SIGTERM interrupts, closes the session and exits 143; the REPL's end closes it once", async () => {
    const fake = await startFakeApi({ script: [] });
    addCleanup(() => fake.close());
    const log: string[] = [];
    const signals = new EventEmitter();
    const stdin = new PassThrough();
    const { io } = await homeIo(stdin, signals);
    Object.assign(io.env, { ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: fake.baseURL });
    const exits: number[] = [];
    io.exit = (code) => {
      exits.push(code);
      stdin.end();
    };
    const interrupts: string[] = [];
    signals.on("SIGINT", () => interrupts.push("SIGINT"));
    const running = runChapterMain(createJobChapter(log), io, { scenario: { prompts: [], script: [] } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    signals.emit("SIGTERM");
    expect(await running).toBe(0);
    expect(exits).toEqual([143]);
    expect(interrupts).toEqual(["SIGINT"]);
    expect(log.filter((entry) => entry === "closed").length).toBeGreaterThanOrEqual(1);
    expect(signals.listenerCount("SIGTERM") + signals.listenerCount("SIGHUP")).toBe(0);
  });
});
