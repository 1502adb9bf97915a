// The demo scenario is the chapter's end-to-end test: an imported instruction reaches the model, /prompt
// shows where each section came from, and the changed git status arrives as a reminder.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS10Chapter } from "./agent.ts";
import { createS10Scenario, IMPORTED_RULE, s10DemoOptions } from "./scenario.ts";

const addCleanup = useCleanups();

describe("the s10 demo", () => {
  it("follows a rule from a file CLAUDE.md imports, shows it in /prompt, and reminds of the new git status", async () => {
    const output = captureOutput();
    const run = await runScenario(createS10Chapter(s10DemoOptions), createS10Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);
    expect(requests).toHaveLength(3);
    expect(JSON.stringify(requests[0]?.body.system)).toContain(IMPORTED_RULE);
    expect(new Set(requests.map((request) => JSON.stringify(request.body.system))).size).toBe(1);
    expect(readFileSync(join(run.workspace, "scripts/build.sh"), "utf8")).toBe(
      "#!/usr/bin/env bash\nset -euo pipefail\n\npnpm build\n",
    );
    const text = output.text();
    expect(text).toMatch(/instructions\s+docs\/conventions\.md\s+\d+ tokens \(counted\)/);
    expect(text).toContain("↻ reminder for the model: the git status changed");
    expect(text).toContain("Yes: git status now shows scripts/ as new and uncommitted.");
  });
});
