// The demo scenario is the chapter's end-to-end test: the REPL, the real agent, a build in the
// background whose result wakes the idle prompt.
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS13Chapter } from "./agent.ts";
import { createS13Scenario, DEMO_PROMPT, s13DemoOptions } from "./scenario.ts";

const addCleanup = useCleanups();

describe("the s13 demo", () => {
  it("starts the build in the background, answers at once, and is woken at the idle prompt by its result", async () => {
    const output = captureOutput();
    const run = await runScenario(createS13Chapter(s13DemoOptions), createS13Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);

    expect(requests).toHaveLength(3);
    // The first turn ended before the build did: its last request has no result in it.
    expect(JSON.stringify(requests[1]?.body.messages)).not.toContain("<result id=");
    // The woken turn's request: the prompt's turn, then one user message with the result.
    const woken = requests[2]?.body.messages ?? [];
    expect(woken.at(-2)?.role).toBe("assistant");
    expect(JSON.stringify(woken.at(-1))).toContain(
      '<result id=\\"b1\\" status=\\"completed\\" exit_code=\\"0\\"',
    );
    expect(JSON.stringify(woken.at(-1))).toContain("wrote dist/app.js (1 module)");
    expect(JSON.stringify(woken).split(DEMO_PROMPT)).toHaveLength(2);
    const text = output.text();
    expect(text).toContain("⏺ background b1 started: sh build.sh");
    expect(text).toMatch(
      /⏺ background b1 finished · exit 0 · \d\.\d s\nThe build finished \(b1 completed · exit 0\)/,
    );
    expect(text).toMatch(/s13 > \/bg\n {2}b1 {2}completed · exit 0 {2}\d\.\d s {2}sh build\.sh\n/);
    expect(text).not.toContain("the demo waited");
  });
});
