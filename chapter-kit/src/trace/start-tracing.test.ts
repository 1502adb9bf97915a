// startTracing: nothing without a path; with one, the fetch and the event listener write to one file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace, reply, startFakeApi, text } from "@lcc/testkit";
import { createFakeClient, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { startTracing } from "./start-tracing.ts";

const addCleanup = useCleanups();

describe("startTracing", () => {
  it("does nothing without a path", () => {
    expect(startTracing(undefined, { source: "test" })).toBeUndefined();
    expect(startTracing("  ", { source: "test" })).toBeUndefined();
  });

  it("records the client's requests and the agent's tool runs in one file", async () => {
    const fake = await startFakeApi({ script: [reply(text("Hi."))] });
    const workspace = await createTempWorkspace();
    addCleanup(workspace.cleanup, () => fake.close());
    const path = join(workspace.dir, "trace.jsonl");
    const tracing = startTracing(` ${path} `, { source: "@lcc/s02" });
    const client = createFakeClient(fake).client.withOptions({ fetch: tracing?.fetch });
    await client.messages.create({
      model: "claude-test",
      max_tokens: 64,
      messages: [{ role: "user", content: "Hi" }],
    });
    const toolEnd = {
      type: "tool_end",
      id: "t1",
      name: "bash",
      input: {},
      output: "ok",
      isError: false,
      durationMs: 1,
    };
    tracing?.onEvent(toolEnd);
    await tracing?.fetch.idle();

    const types = readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types).toEqual(["trace_start", "request", "response", "tool"]);
  });
});
