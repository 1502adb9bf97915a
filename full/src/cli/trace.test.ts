// `lcc --trace <file>` and LCC_TRACE: the wire of a real run as JSONL — requests, assembled responses and
// tool runs — with no credentials in it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace, reply, startFakeApi, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

function readTrace(path: string) {
  return readFileSync(path, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });
}

describe("lcc tracing", () => {
  it("--trace records each request, response and tool run of a -p run", { timeout: 60_000 }, async () => {
    const api = await startFakeApi({
      script: [reply(toolUse("bash", { command: "echo traced" })), reply(text("done"))],
    });
    const workspace = await createTempWorkspace();
    addCleanup(api.close, workspace.cleanup);
    const result = await runLcc({
      args: ["-p", "go", "--trace", "t.jsonl"],
      cwd: workspace.dir,
      baseURL: api.baseURL,
    });
    expect(result.code).toBe(0);
    const records = readTrace(join(workspace.dir, "t.jsonl"));
    // Events (the permission decision, agent_end) are traced too; the wire and tool runs come in order.
    const wire = records.filter((record) => record.type !== "event");
    expect(wire.map((record) => record.type)).toEqual([
      "trace_start",
      "request",
      "response",
      "tool",
      "request",
      "response",
    ]);
    expect(records.at(-1)).toMatchObject({ event: { type: "agent_end", reason: "end_turn" } });
    expect(wire[0]).toMatchObject({ source: "lcc" });
    expect(wire[2]).toMatchObject({ message: { stop_reason: "tool_use" } });
    expect(wire[3]).toMatchObject({ name: "bash", isError: false });
    expect(String(wire[3]?.output)).toContain("traced");
    expect(wire[5]).toMatchObject({ message: { content: [{ type: "text", text: "done" }] } });
    expect(readFileSync(join(workspace.dir, "t.jsonl"), "utf8")).not.toContain("test-key");
  });

  it("LCC_TRACE does the same without the flag", { timeout: 60_000 }, async () => {
    const api = await startFakeApi({ script: [reply(text("hello"))] });
    const workspace = await createTempWorkspace();
    addCleanup(api.close, workspace.cleanup);
    const trace = join(workspace.dir, "env.jsonl");
    const result = await runLcc({
      args: ["-p", "hi"],
      cwd: workspace.dir,
      baseURL: api.baseURL,
      env: { LCC_TRACE: trace },
    });
    expect(result.code).toBe(0);
    expect(readTrace(trace).map((record) => record.type)).toEqual([
      "trace_start",
      "request",
      "response",
      "event",
    ]);
  });
});
