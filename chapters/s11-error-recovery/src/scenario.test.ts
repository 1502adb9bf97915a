// The demo scenario is the chapter's end-to-end test: the REPL, the real agent, an API overloaded twice.
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS11Chapter } from "./agent.ts";
import { createS11Scenario, DEMO_PROMPT, s11DemoOptions } from "./scenario.ts";
import { instantTime } from "./test-agent.ts";

const addCleanup = useCleanups();

describe("the s11 demo", () => {
  it("waits out two overloads, reads the notes, and continues a reply cut off at the output limit", async () => {
    const output = captureOutput();
    const time = instantTime();
    const chapter = createS11Chapter({ ...s11DemoOptions, recoveryTime: time });
    const run = await runScenario(chapter, createS11Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);

    expect(requests).toHaveLength(5);
    expect(requests[1]?.body).toEqual(requests[0]?.body);
    expect(requests[2]?.body).toEqual(requests[0]?.body);
    expect(time.sleeps).toEqual([1000, 2000]);
    const text = output.text();
    expect(text).toContain("⟳ overloaded, retry 1/6 in 1 s (Ctrl-C cancels)");
    expect(text).toContain("⟳ overloaded, retry 2/6 in 2 s (Ctrl-C cancels)");
    expect(text).toContain("↻ reply cut off at the output token limit: asking the model to continue");
    expect(text).toContain("600 requests a minute per key.");
    // The prompt was sent once per request, never doubled by a retry.
    const last = JSON.stringify(requests[4]?.body.messages);
    expect(last.split(DEMO_PROMPT)).toHaveLength(2);
  });
});
