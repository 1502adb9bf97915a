// The demo traces the chapter docs link never go stale: each page is what the HTML view makes of its committed
// trace, each chapter doc (en + zh) links its page and its exercises, and a fresh run of each demo still has
// the committed trace's outline. Published traces hold no path of the machine they were recorded on.
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTrace } from "../chapter-kit/src/trace/parse-trace.ts";
import {
  PUBLISHED_NAMES,
  publishTrace,
  REPO_ROOT,
  type RecordedDemo,
  recordDemoTraces,
} from "./demo-trace-record.ts";
import { chapterDemos, demoBatches, renderDemoPage, TRACES_DIR, traceOutline } from "./demo-traces.ts";

const demos = chapterDemos();
const committed = (folder: string, extension: "jsonl" | "html") =>
  readFileSync(join(TRACES_DIR, `${folder}.${extension}`), "utf8");

describe("published demo traces", () => {
  it("cover all twenty chapters", () => {
    expect(demos.map((demo) => demo.id)).toEqual(
      Array.from({ length: 20 }, (_, index) => `s${String(index + 1).padStart(2, "0")}`),
    );
    for (const demo of demos) {
      expect(existsSync(join(TRACES_DIR, `${demo.folder}.jsonl`)), `${demo.folder}.jsonl`).toBe(true);
      expect(existsSync(join(TRACES_DIR, `${demo.folder}.html`)), `${demo.folder}.html`).toBe(true);
    }
  });

  it.each(demos)(
    "$id: the page is the HTML view of its trace (run pnpm docs:traces $id after a change)",
    (demo) => {
      expect(committed(demo.folder, "html") === renderDemoPage(demo, committed(demo.folder, "jsonl"))).toBe(
        true,
      );
    },
  );

  it.each(demos)("$id: the trace holds no path of the machine it was recorded on", (demo) => {
    const text = committed(demo.folder, "jsonl");
    expect(text).not.toContain(REPO_ROOT);
    expect(text).not.toMatch(/\/tmp\/lcc-|127\.0\.0\.1:(?!8787)\d+|"pid":[1-9]/);
    if (tmpdir() !== "/tmp") expect(text).not.toContain(tmpdir());
  });

  it.each(demos)("$id: both docs link the page and the chapter's exercises", (demo) => {
    for (const language of ["en", "zh"]) {
      const doc = readFileSync(join(REPO_ROOT, "docs", language, `${demo.folder}.md`), "utf8");
      expect(doc, `docs/${language}/${demo.folder}.md`).toContain(`](../traces/${demo.folder}.html)`);
      expect(doc, `docs/${language}/${demo.folder}.md`).toContain(`](../../exercises/${demo.folder}/`);
    }
  });
});

describe("a fresh run of each demo", () => {
  // Every demo is played once for the file, in two processes that play their demos one after another.
  let fresh: Promise<Map<string, RecordedDemo>> = Promise.resolve(new Map());
  beforeAll(() => {
    fresh = Promise.all(demoBatches(demos, 2).map(recordDemoTraces)).then(
      (batches) => new Map(batches.flat().map((recorded) => [recorded.demo.id, recorded])),
    );
  });

  it.each(demos)("$id: has the committed trace's outline", { timeout: 180_000 }, async (demo) => {
    const recorded = (await fresh).get(demo.id);
    if (recorded === undefined || "error" in recorded)
      throw recorded?.error ?? new Error(`${demo.id} not played`);
    const records = parseTrace(recorded.trace).records;
    expect(traceOutline(records)).toEqual(traceOutline(parseTrace(committed(demo.folder, "jsonl")).records));
  });
});

describe("publishTrace", () => {
  it("replaces the workspace, HOME, the repository, the API's port and the pid, keeping every line JSON", () => {
    const paths = { workspace: "/tmp/lcc-test-AB12", home: "/tmp/x/home", scratch: "/tmp/x", repo: "/src/r" };
    const text = [
      JSON.stringify({
        type: "trace_start",
        format: 1,
        time: "t",
        pid: 4242,
        source: "@lcc/s01",
        cwd: "/src/r/c",
      }),
      JSON.stringify({
        type: "request",
        url: "http://127.0.0.1:45123/v1/messages",
        body: 'in /tmp/lcc-test-AB12 "q"',
      }),
      JSON.stringify({
        type: "tool",
        output: "/tmp/x/home/.lcc and /tmp/x/t and /tmp/lcc-s09-demo-home/.lcc",
      }),
    ].join("\n");
    const lines = publishTrace(text, paths)
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ pid: 0, cwd: `${PUBLISHED_NAMES.repo}/c` });
    expect(lines[1]).toMatchObject({
      url: `${PUBLISHED_NAMES.api}/v1/messages`,
      body: `in ${PUBLISHED_NAMES.workspace} "q"`,
    });
    expect(lines[2]?.output).toBe(
      `${PUBLISHED_NAMES.home}/.lcc and ${PUBLISHED_NAMES.home}/scratch/t and ${PUBLISHED_NAMES.home}/.lcc`,
    );
  });
});

describe("traceOutline", () => {
  it("counts requests, tools (errors apart) and how turns ended, whatever their order", () => {
    const { records } = parseTrace(
      [
        '{"type":"request","seq":1,"time":"t","url":"u"}',
        '{"type":"response","seq":1,"time":"t","status":200,"durationMs":1,"message":{"stop_reason":"tool_use"}}',
        '{"type":"tool","time":"t","name":"bash","output":"","isError":true}',
        '{"type":"tool","time":"t","name":"bash","output":"","isError":false}',
        '{"type":"response","seq":2,"time":"t","status":529,"durationMs":1,"error":"overloaded"}',
      ].join("\n"),
    );
    expect(traceOutline(records)).toEqual([
      "request × 1",
      "stop overloaded × 1",
      "stop tool_use × 1",
      "tool bash (error) × 1",
      "tool bash × 1",
    ]);
  });
});
