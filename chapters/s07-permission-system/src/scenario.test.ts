// The demo is the chapter's end-to-end test: a denial by rule, a headless denial naming what would allow
// it, a command allowed by the project's rule, /permissions, and the edit after /mode acceptEdits.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { s07Chapter } from "./agent.ts";
import { createS07Scenario } from "./scenario.ts";

const addCleanup = useCleanups();

describe("s07 demo scenario", () => {
  it("shows a rule denial, a headless denial, an allowed-by-rule command and an edit after /mode", async () => {
    const output = captureOutput();
    const run = await runScenario(s07Chapter, createS07Scenario(), output);
    addCleanup(run.cleanup);
    const printed = output.text();
    expect(printed).toContain("denied by the rule Read(./.env) in .claude/settings.json");
    const results = JSON.stringify(run.requests.at(-1)?.body.messages);
    expect(results).toContain("run with --permission-mode acceptEdits or add an allow rule Edit(src/**)");
    expect(printed).toContain("✓ allowed by Bash(node --test:*) in .claude/settings.json");
    expect(printed).toContain("denied by the rule Bash(curl:*)");
    expect(printed).toContain("permission mode: acceptEdits (was default)");
    expect(await readFile(join(run.workspace, "src/greet.js"), "utf8")).toContain("Hello, ${name}!");
    expect(printed).not.toContain("not-for-the-model");
    assertPairingInvariant(run.requests);
  });
});
