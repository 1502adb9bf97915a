// The demo scenario is the chapter's end to end test: the REPL, the real agent, a board of three tasks with a
// dependency worked by two autonomous teammates (each taking what its role allows), both shut down through
// the handshake, then /tasks and /team.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import { requestsOf } from "@lcc/s15";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS17Chapter } from "./agent.ts";
import { createS17Scenario, DEMO_TASKS, s17DemoOptions } from "./scenario.ts";

const addCleanup = useCleanups();

describe("the s17 demo", () => {
  it("works a board with two autonomous teammates, shuts them down through the handshake, and shows the board", async () => {
    const output = captureOutput();
    const run = await runScenario(createS17Chapter(s17DemoOptions()), createS17Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);

    for (const task of DEMO_TASKS)
      expect(await readFile(join(run.workspace, task.path), "utf8")).toBe(task.content);
    const text = output.text();
    expect(text).toContain("[alice] ⚑ claimed #1 [developer] Write src/parser.ts (while idle)");
    expect(text).toContain("[alice] ⚑ claimed #3 [developer] Write README.md (while idle)");
    expect(text).toContain("[bob] ⚑ claimed #2 [tester] Test src/parser.ts (while idle)");
    // The tester took the tests only after the parser was completed.
    expect(text.indexOf("[bob] ⚑ claimed #2")).toBeGreaterThan(text.indexOf('[alice] ⏺ task_update({"id":1'));
    expect(text).toContain("[alice] stopped (shut down at lead's request)");
    expect(text).toContain("[bob] stopped (shut down at lead's request)");
    expect(text).toContain("alice and bob agreed and stopped: parser, tests and README are done.");
    expect(text).toMatch(/#1 \[x\] \[developer\] Write src\/parser\.ts \(owner: alice\)/);
    expect(text).toMatch(/#2 \[x\] \[tester\] Test src\/parser\.ts \(owner: bob\)/);
    expect(text).toMatch(/#3 \[x\] \[developer\] Write README\.md \(owner: alice\)/);
    expect(text).toContain("alice (developer) · stopped");
    // Each teammate's last call answered its shutdown request; none called the model after it.
    for (const name of ["alice", "bob"])
      expect(JSON.stringify(requestsOf(requests, name).at(-1)?.body.messages.at(-1))).toContain(
        "shutdown_request req_",
      );
  }, 60_000);
});
