// The demo scenario is the chapter's end-to-end test: the real agent, the demo's hooks in child processes.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS08Chapter } from "./agent.ts";
import { createS08Scenario, s08DemoOptions } from "./scenario.ts";

const addCleanup = useCleanups();

describe("the s08 demo", () => {
  it("refuses rm -rf by hook, deletes the single file by rule, and reminds the model after the edit", async () => {
    const output = captureOutput();
    const run = await runScenario(createS08Chapter(s08DemoOptions), createS08Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);
    expect(requests).toHaveLength(4);
    expect(existsSync(join(run.workspace, "build"))).toBe(true);
    expect(existsSync(join(run.workspace, "build/app.js"))).toBe(false);
    expect(readFileSync(join(run.workspace, "CHANGELOG.md"), "utf8")).toContain(
      "- Removed the stale build output.",
    );
    const wire = requests.map((request) => JSON.stringify(request.body.messages));
    expect(wire[0]).toContain("Project: shop-api");
    expect(wire[1]).toContain("rm -rf is not allowed in this repository");
    expect(wire[3]).toContain("Changelog rule: new entries go under ## Unreleased");
    expect(output.text()).toContain("⚙ hook PreToolUse (bash) blocked");
  });
});
