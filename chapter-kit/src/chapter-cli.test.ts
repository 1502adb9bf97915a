// The chapter CLI in-process with a stand-in chapter: `demo` removes its workspace unless `--keep`, and
// `start` without a key prints one banner and plays the demo instead of failing.
import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { createTempWorkspace, faults, reply, startFakeApi, text } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import {
  type Chapter,
  type ChapterIo,
  type DemoScenario,
  runChapterDemo,
  runChapterMain,
} from "./chapter-cli.ts";

const addCleanup = useCleanups();

/** A chapter whose every turn writes `<id>-note.txt` into the workspace and says so. */
function createNoteChapter(id: string): Chapter {
  return {
    id,
    title: "note chapter",
    createAgent: ({ workspace, output }) => ({
      async handleLine(line) {
        await writeFile(join(workspace, `${id}-note.txt`), line);
        output.write(`wrote ${id}-note.txt\n`);
      },
    }),
  };
}

const scenario: DemoScenario = { prompts: ["take a note"], script: [reply(text("unused"))] };

/** Process-like io on captured streams; HOME in a temp dir so no real ~/.lcc/.env is read. */
async function setup(argv: string[] = []) {
  const home = await createTempWorkspace();
  addCleanup(home.cleanup);
  const stdout = captureOutput();
  const stderr = captureOutput();
  const io: ChapterIo = {
    argv,
    env: { HOME: home.dir },
    cwd: home.dir,
    stdin: new PassThrough(),
    stdout,
    stderr,
  };
  return { io, stdout, stderr };
}

/** The workspace path the demo printed (`workspace: <dir>`). */
function printedWorkspace(output: string): string {
  const dir = /^workspace: (.+)$/m.exec(output)?.[1];
  if (!dir) throw new Error(`no workspace line in:\n${output}`);
  return dir;
}

describe("runChapterDemo", () => {
  it("plays the scenario in a temp workspace and removes it afterwards", async () => {
    const { io, stdout } = await setup();
    expect(await runChapterDemo(createNoteChapter("t1"), scenario, io)).toBe(0);
    const dir = printedWorkspace(stdout.text());
    expect(stdout.text()).toContain("t1 > take a note\nwrote t1-note.txt");
    expect(stdout.text()).toContain("(demo workspace removed; add --keep to keep it)");
    expect(existsSync(dir)).toBe(false);
  });

  it("with --keep keeps the workspace, with what the session wrote, and prints its path", async () => {
    const { io, stdout } = await setup(["--keep"]);
    expect(await runChapterDemo(createNoteChapter("t2"), scenario, io)).toBe(0);
    const dir = printedWorkspace(stdout.text());
    addCleanup(() => rm(dir, { recursive: true, force: true }));
    expect(stdout.text()).toContain(`(demo workspace kept: ${dir})`);
    expect(readFileSync(join(dir, "t2-note.txt"), "utf8")).toBe("take a note");
  });
});

describe("runChapterMain without a key", () => {
  it("prints one banner saying how to set a key, plays the demo chapter's scenario and exits 0", async () => {
    const { io, stdout, stderr } = await setup();
    const code = await runChapterMain(createNoteChapter("live"), io, {
      scenario,
      demoChapter: createNoteChapter("offline"),
    });
    expect(code).toBe(0);
    const printed = stdout.text() + stderr.text();
    expect(printed.match(/no API key found/g)).toHaveLength(1);
    expect(printed).toContain("ANTHROPIC_API_KEY");
    expect(printed).toContain("pnpm --filter live start");
    expect(stdout.text()).toContain("offline > take a note\nwrote offline-note.txt");
    expect(stdout.text()).not.toContain("offline demo (scripted model, no key needed)");
    expect(existsSync(printedWorkspace(stdout.text()))).toBe(false);
  });

  it("keeps the demo workspace with --keep, like demo", async () => {
    const { io, stdout } = await setup(["--keep"]);
    expect(await runChapterMain(createNoteChapter("t3"), io, { scenario })).toBe(0);
    const dir = printedWorkspace(stdout.text());
    addCleanup(() => rm(dir, { recursive: true, force: true }));
    expect(existsSync(join(dir, "t3-note.txt"))).toBe(true);
  });
});

/** A chapter that asks the model once per line through the context's client and reports a tool run. */
function createAskingChapter(): Chapter {
  return {
    id: "sxx",
    title: "asking chapter",
    createAgent: ({ client, config, output, observe }) => ({
      async handleLine(line) {
        const message = await client.messages.create({
          model: config.model,
          max_tokens: config.maxTokens,
          messages: [{ role: "user", content: line }],
        });
        const tool = { type: "tool_end", id: "t1", name: "bash", input: { command: "ls" }, output: "a.txt" };
        observe?.({ ...tool, isError: false, interrupted: false, durationMs: 1 } as { type: string });
        output.write(
          `${message.content.map((block) => (block.type === "text" ? block.text : "")).join("")}\n`,
        );
      },
    }),
  };
}

describe("runChapterMain with a key", () => {
  /** Asks the model once for the line; a failure is printed, not thrown. */
  const answering: Chapter = {
    id: "sxx",
    title: "answering chapter",
    createAgent: ({ client, config, output }) => ({
      async handleLine(line) {
        const request = {
          model: config.model,
          max_tokens: 64,
          messages: [{ role: "user" as const, content: line }],
        };
        const answer = await client.messages.create(request).then(
          (message) => message.content.map((block) => (block.type === "text" ? block.text : "")).join(""),
          (error: Error) => `failed: ${error.message}`,
        );
        output.write(`${answer}\n`);
      },
    }),
  };

  async function runLive(options: { ownsRetries?: boolean }) {
    const fake = await startFakeApi({ script: [faults.overloaded(), reply(text("second try"))] });
    addCleanup(() => fake.close());
    const { io, stdout } = await setup();
    Object.assign(io.env, {
      ANTHROPIC_API_KEY: "k",
      ANTHROPIC_BASE_URL: fake.baseURL,
      LCC_MAX_RETRY_WAIT_SECONDS: "0",
    });
    (io.stdin as PassThrough).end("hello\n");
    expect(await runChapterMain(answering, io, { scenario, ...options })).toBe(0);
    return { requests: fake.messageRequests().length, output: stdout.text() };
  }

  it("leaves retries to the SDK before s11, and turns them off for a chapter that owns them", async () => {
    const sdk = await runLive({});
    expect(sdk.requests).toBe(2);
    expect(sdk.output).toContain("second try");
    const owned = await runLive({ ownsRetries: true });
    expect(owned.requests).toBe(1);
    expect(owned.output).toContain("failed: 529");
  });
});

describe("tracing (LCC_TRACE)", () => {
  it("records the demo's requests, responses and tool runs as JSONL, and never the key", async () => {
    const { io, stdout } = await setup();
    const trace = join(io.cwd, "trace.jsonl");
    io.env.LCC_TRACE = "trace.jsonl";
    const traced: DemoScenario = { prompts: ["hello"], script: [reply(text("hi there"))] };
    expect(await runChapterDemo(createAskingChapter(), traced, io)).toBe(0);
    expect(stdout.text()).toContain("hi there");
    const records = readFileSync(trace, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });
    expect(records.map((record) => record.type)).toEqual(["trace_start", "request", "response", "tool"]);
    expect(records[0]).toMatchObject({ source: "@lcc/sxx" });
    expect(records[1]).toMatchObject({ body: { messages: [{ role: "user", content: "hello" }] } });
    expect(records[2]).toMatchObject({ message: { content: [{ type: "text", text: "hi there" }] } });
    expect(records[3]).toMatchObject({ name: "bash", output: "a.txt" });
    expect(readFileSync(trace, "utf8")).not.toContain("demo-key");
  });
});
