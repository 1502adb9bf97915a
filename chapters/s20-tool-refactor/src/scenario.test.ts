// The demo scenario is the chapter's end-to-end test: five reads of one round run together and answer in the
// order written, the edit runs alone after them, the read after the edit sees it; cron_create, deferred, is
// found with tool_search and called through use_tool under its own name; /tools shows the table.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant, type RecordedRequest } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS20Chapter } from "./agent.ts";
import { createS20Scenario, READ_TOGETHER, s20DemoOptions } from "./scenario.ts";

const addCleanup = useCleanups();

/** The tool_result blocks of a request's newest message. */
function resultsOf(message: Anthropic.MessageParam | undefined) {
  return ((message?.content ?? []) as Anthropic.ContentBlockParam[]).filter(
    (block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result",
  );
}

/** The newest message of a request as JSON text. */
const newestText = (request: RecordedRequest) => JSON.stringify(request.body.messages.at(-1)?.content ?? "");

/** The tool_use blocks of a request's previous (assistant) message. */
function callsOf(message: Anthropic.MessageParam | undefined) {
  return ((message?.content ?? []) as Anthropic.ContentBlockParam[]).filter(
    (block): block is Anthropic.ToolUseBlockParam => block.type === "tool_use",
  );
}

describe("the s20 demo", () => {
  it("runs a round's reads together, the edit alone after them, and a deferred tool through use_tool", async () => {
    const output = captureOutput();
    const run = await runScenario(createS20Chapter(s20DemoOptions()), createS20Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);
    const text = output.text();

    // Round one: the five reads started before any of them ended, then the edit, then the read after it.
    const lines = text.split("\n");
    const firstResult = lines.findIndex((line) => line.startsWith("  ⎿ "));
    const started = lines.slice(0, firstResult).filter((line) => line.startsWith("⏺ read_file("));
    expect(started).toEqual(READ_TOGETHER.map((path) => `⏺ read_file(${path})`));
    for (const path of READ_TOGETHER) expect(text).toContain(`  ⎿ read_file(${path}): `);
    expect(text).toContain(
      "⏺ edit_file(src/config.ts)\n  ⎿ Edited src/config.ts: 1 replacement.\n⏺ read_file(src/config.ts)\n  ⎿ ",
    );
    // The model got the seven results in the order it wrote the calls, the last one after the edit.
    const second = requests[1]!.body.messages;
    const calls = callsOf(second.at(-2));
    const results = resultsOf(second.at(-1));
    expect(results.map((result) => result.tool_use_id)).toEqual(calls.map((call) => call.id));
    expect(JSON.stringify(results[0]!.content)).toContain("listening on");
    expect(JSON.stringify(results.at(-1)!.content)).toContain("port: 8080");
    expect(await readFile(join(run.workspace, "src/config.ts"), "utf8")).toContain("port: 8080");

    // cron_create is not in the request's tools; tool_search finds it; use_tool runs it under its own name.
    const toolNames = (requests[0]!.body.tools as Array<{ name: string }>).map((tool) => tool.name);
    expect(toolNames).not.toContain("cron_create");
    expect(toolNames).toEqual(expect.arrayContaining(["tool_search", "use_tool"]));
    expect(text).toContain(
      '⏺ tool_search("schedule cron")\n  ⎿ 3 tools found: cron_create, cron_delete, cron_list\n',
    );
    // The call runs under cron_create's name: its allow rule applies, its result is not named as overlapping.
    expect(text).toMatch(
      /⏺ cron_create\(0 9 \* \* 1-5: Remind the user to run the test suite\.\)\n {2}✓ allowed by cron_create \(flag\)\n {2}⎿ Scheduled [0-9a-f]+ \(0 9 \* \* 1-5, recurring/,
    );
    const found = resultsOf(
      requests.find((request) => newestText(request).includes("## cron_create"))?.body.messages.at(-1),
    );
    expect(JSON.stringify(found[0]?.content)).toContain("input schema:");
    const useTool = callsOf(requests.at(-1)!.body.messages.at(-2));
    expect(useTool.map((call) => call.name)).toEqual(["use_tool"]);

    // /tools: the pipeline and the table, cron_create deferred.
    expect(text).toContain("Every call: validate → PreToolUse hooks → permission → run → PostToolUse hooks");
    expect(text).toMatch(/\ncron_create +s14 +deferred +parent-only\n/);
    expect(text).toContain("cron_create · s14\nrequest: deferred (scheduling is asked for by the user");
  });
});
