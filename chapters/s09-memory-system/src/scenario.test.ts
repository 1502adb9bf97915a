// The demo scenario is the chapter's end-to-end test: a memory saved in the first conversation is in
// the system prompt of the next one (/clear builds the setup again, as a new session does) and used.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS09Chapter } from "./agent.ts";
import { createS09Scenario, DEMO_INDEX_LINE, s09DemoOptions } from "./scenario.ts";
import { systemOf } from "./test-agent.ts";

const addCleanup = useCleanups();

describe("the s09 demo", () => {
  it("saves a memory, lists it, and the next conversation's prompt carries it to the answer", async () => {
    const output = captureOutput();
    const run = await runScenario(createS09Chapter(s09DemoOptions), createS09Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);
    expect(requests).toHaveLength(4);
    expect(systemOf(requests[1]!)).toBe(systemOf(requests[0]!));
    expect(systemOf(requests[1]!)).not.toContain(DEMO_INDEX_LINE);
    expect(systemOf(requests[2]!)).toContain(DEMO_INDEX_LINE);
    expect(existsSync(join(run.workspace, ".lcc/memory/integration-tests-need-the-database.md"))).toBe(true);
    const printed = output.text();
    expect(printed).toContain(
      '⎿ Saved project memory "Integration tests need the database" in .lcc/memory/integration-tests-need-the-database.md.\n',
    );
    expect(printed).toContain("saved in this conversation: in the prompt from the next one");
    expect(printed).toContain("· memory: 1 project memory in the prompt (/memory lists them)");
    expect(printed).toContain("Start the database first with `docker compose up -d db`");
  });
});
