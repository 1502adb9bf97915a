// The demo scenario is the chapter's end-to-end test: the REPL, the real agent, two teammates writing a
// module and its test at the same time, their reports waking the idle prompt, the test run, /team, /inbox.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS15Chapter } from "./agent.ts";
import { createS15Scenario, DEMO_PROMPT, MODULE, s15DemoOptions, TEST } from "./scenario.ts";
import { deliveredMessages, toolResultsOf } from "./team-requests.ts";
import { requestsOf } from "./team-script.ts";

const addCleanup = useCleanups();

describe("the s15 demo", () => {
  it("runs two teammates at once, wakes the idle lead with their reports, runs their test, shows the team", async () => {
    const output = captureOutput();
    const run = await runScenario(createS15Chapter(s15DemoOptions()), createS15Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);

    // Each teammate: its own history (only its task first), one write, one final answer.
    for (const [name, path, content] of [
      ["alice", "src/slug.mjs", MODULE],
      ["bob", "test/slug.test.mjs", TEST],
    ] as const) {
      const own = requestsOf(requests, name);
      expect(own).toHaveLength(2);
      expect(own[0]?.body.messages).toHaveLength(1);
      expect(JSON.stringify(own[0]?.body.messages)).not.toContain(DEMO_PROMPT);
      expect(await readFile(join(run.workspace, path), "utf8")).toBe(content);
    }
    // The lead: the user's prompt, the spawn results, then a woken turn that carried both reports and the test run.
    const lead = requestsOf(requests, "lead");
    expect(lead).toHaveLength(4);
    expect(JSON.stringify(requests).split(DEMO_PROMPT).length - 1).toBe(lead.length);
    expect(
      deliveredMessages(lead[3])
        .map((message) => [message.from, message.kind])
        .sort(),
    ).toEqual([
      ["alice", "idle"],
      ["bob", "idle"],
    ]);
    expect(toolResultsOf(lead[3])[0]?.text).toMatch(/# pass 3\n# fail 0/);

    const text = output.text();
    expect(text).toContain("[alice] ⏺ write_file(src/slug.mjs)");
    expect(text).toContain("[bob] ⏺ write_file(test/slug.test.mjs)");
    expect(text).toContain("✉ alice → lead idle: Wrote src/slug.mjs");
    expect(text).toContain("✉ bob → lead idle: Wrote test/slug.test.mjs");
    expect(text).toContain(
      "all 3 tests pass.\ns15 > /team\n  alice (module writer) · idle\n  bob (test writer) · idle\n",
    );
    expect(text).toMatch(/s15 > \/inbox\n\[[^\]]+\] (alice|bob) \(idle\):\nWrote/);
    // Both reports reached the model: /inbox finds nothing waiting (their cursor writes may still be landing).
    expect(text).not.toContain("not yet delivered");
    expect(text).toContain("[alice] stopped (the session ended)");
  });
});
