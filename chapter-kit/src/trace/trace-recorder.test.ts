// The recorder on a real temp dir: one line per record, a private file in a folder it creates, appends
// after earlier sessions, and a write failure that turns tracing off with one warning and no throw.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { TRACE_FORMAT_VERSION, type TraceRecord } from "./trace-format.ts";
import { createTraceRecorder } from "./trace-recorder.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  const readRecords = (path: string): TraceRecord[] =>
    readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as TraceRecord);
  return { dir: workspace.dir, readRecords };
}

const notice = (text: string): TraceRecord => ({
  type: "event",
  time: "2025-01-01T00:00:00.000Z",
  event: { type: "notice", source: "test", text },
});

describe("createTraceRecorder", () => {
  it("creates the folder and a private file that starts with trace_start", async () => {
    const { dir, readRecords } = await setup();
    const path = join(dir, "deep", "er", "trace.jsonl");
    const recorder = createTraceRecorder(path, { source: "@lcc/s02", argv: ["--demo"], cwd: "/somewhere" });
    recorder.record(notice("hello"));

    expect(statSync(path).mode & 0o777).toBe(0o600);
    const [start, event] = readRecords(path);
    expect(start).toEqual({
      type: "trace_start",
      format: TRACE_FORMAT_VERSION,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: process.pid,
      source: "@lcc/s02",
      argv: ["--demo"],
      cwd: "/somewhere",
    });
    expect(event).toEqual(notice("hello"));
  });

  it("appends a new session after the earlier ones, numbering requests from 1 again", async () => {
    const { dir, readRecords } = await setup();
    const path = join(dir, "trace.jsonl");
    const first = createTraceRecorder(path, { source: "one" });
    expect([first.nextSeq(), first.nextSeq()]).toEqual([1, 2]);
    const second = createTraceRecorder(path, { source: "two" });

    expect(second.nextSeq()).toBe(1);
    expect(readRecords(path).map((record) => (record.type === "trace_start" ? record.source : ""))).toEqual([
      "one",
      "two",
    ]);
  });

  it("turns tracing off after a failed write, warns once and never throws", async () => {
    const { dir } = await setup();
    const path = join(dir, "is-a-folder");
    mkdirSync(path);
    const errors: Error[] = [];
    const recorder = createTraceRecorder(path, { source: "test", onError: (error) => errors.push(error) });
    recorder.record(notice("dropped"));
    recorder.record(notice("dropped too"));

    expect(recorder.active).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/EISDIR/);
  });

  it("never writes through a symlink or waits on a FIFO at the trace path: tracing turns off instead", async () => {
    const { dir } = await setup();
    const victim = join(dir, "bashrc");
    writeFileSync(victim, "original\n");
    symlinkSync(victim, join(dir, "linked.jsonl"));
    const errors: Error[] = [];
    const linked = createTraceRecorder(join(dir, "linked.jsonl"), {
      source: "test",
      onError: (e) => errors.push(e),
    });
    expect(linked.active).toBe(false);
    expect(readFileSync(victim, "utf8")).toBe("original\n");
    execFileSync("mkfifo", [join(dir, "fifo.jsonl")]);
    const started = Date.now();
    const fifo = createTraceRecorder(join(dir, "fifo.jsonl"), {
      source: "test",
      onError: (e) => errors.push(e),
    });
    expect(fifo.active).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toHaveLength(2);
  });

  it("survives an onError that throws", async () => {
    const { dir } = await setup();
    const path = join(dir, "is-a-folder");
    mkdirSync(path);
    const create = () =>
      createTraceRecorder(path, {
        source: "test",
        onError: () => {
          throw new Error("the warning failed");
        },
      });

    expect(create).not.toThrow();
  });

  it("writes errors as their message and replaces a record it cannot serialize", async () => {
    const { dir, readRecords } = await setup();
    const path = join(dir, "trace.jsonl");
    const recorder = createTraceRecorder(path, { source: "test" });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    recorder.record({ type: "event", time: "t", event: { type: "agent_end", error: new Error("boom") } });
    recorder.record({
      type: "tool",
      time: "t",
      id: "x",
      name: "n",
      input: {},
      output: "",
      isError: false,
      durationMs: 1,
      details: cyclic,
    });

    const [, agentEnd, replaced] = readRecords(path);
    expect(agentEnd).toMatchObject({ event: { type: "agent_end", error: "boom" } });
    expect(replaced).toMatchObject({ type: "event", event: { type: "trace_error", recordType: "tool" } });
    expect(recorder.active).toBe(true);
  });
});
