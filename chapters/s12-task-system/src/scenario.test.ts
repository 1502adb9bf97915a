// The demo scenario is the chapter's end-to-end test: the REPL, the real agent, a task graph built,
// shown, and worked until the endpoint task becomes ready.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS12Chapter } from "./agent.ts";
import { createS12Scenario, s12DemoOptions } from "./scenario.ts";
import { toolResults } from "./test-agent.ts";

const addCleanup = useCleanups();

describe("the s12 demo", () => {
  it("builds a graph of four tasks, shows it, completes two and names the task that became ready", async () => {
    const output = captureOutput();
    const run = await runScenario(createS12Chapter(s12DemoOptions), createS12Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);
    expect(requests).toHaveLength(5);
    expect(toolResults(requests[1]).every((result) => !result.isError)).toBe(true);
    expect(toolResults(requests[3]).map((result) => result.text)).toEqual([
      "Updated task #1 (status pending → completed): #1 [x] Write the export query",
      "Updated task #2 (status pending → completed): #2 [x] Write the CSV writer\n" +
        "Now ready (no open blockers): #3 Add the /export endpoint.",
    ]);
    const printed = output.text();
    expect(printed).toContain(
      [
        "Task graph in .lcc/tasks",
        "4 tasks: 0 completed, 0 in progress, 4 pending (2 blocked)",
        "#1 [ ] Write the export query",
        "#2 [ ] Write the CSV writer",
        "#3 [ ] Add the /export endpoint · blocked by #1, #2",
        "#4 [ ] Document the export · blocked by #3",
      ].join("\n"),
    );
    expect(printed).toContain(
      [
        "4 tasks: 2 completed, 0 in progress, 2 pending (1 blocked)",
        "#1 [x] Write the export query",
        "#2 [x] Write the CSV writer",
        "#3 [ ] Add the /export endpoint",
        "#4 [ ] Document the export · blocked by #3",
      ].join("\n"),
    );
    const endpoint = JSON.parse(await readFile(join(run.workspace, ".lcc/tasks/3.json"), "utf8"));
    expect(endpoint).toMatchObject({ status: "pending", blockedBy: [1, 2], blocks: [4] });
  });
});
