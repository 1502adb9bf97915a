// The demo scenario is the chapter's end-to-end test: the REPL, the real agent, a job scheduled at 08:59
// that fires at the idle prompt, the woken turn doing its work, then /cron.
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS14Chapter } from "./agent.ts";
import { createS14Scenario, DEMO_PROMPT, SCHEDULED_PROMPT, s14DemoOptions } from "./scenario.ts";

const addCleanup = useCleanups();

describe("the s14 demo", () => {
  it("schedules a durable prompt, fires it at the idle prompt, runs it, and lists the job", async () => {
    const output = captureOutput();
    const run = await runScenario(createS14Chapter(s14DemoOptions()), createS14Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);

    expect(requests).toHaveLength(4);
    const woken = JSON.stringify(requests[2]?.body.messages.at(-1));
    expect(woken).toContain('<scheduled-prompt job=\\"');
    expect(woken).toContain('scheduled-for=\\"Mon 2026-01-05 09:00\\"');
    expect(woken).toContain(SCHEDULED_PROMPT);
    // The scheduled prompt arrived on its own: the user typed only the first prompt and /cron.
    expect(JSON.stringify(requests[3]?.body.messages).split(DEMO_PROMPT)).toHaveLength(2);
    const text = output.text();
    expect(text).toMatch(/⏰ cron [0-9a-f]{8} \(09:00\): "Read build.log/);
    expect(text).toContain("2 of 214 tests failed last night");
    expect(text).toMatch(
      /0 9 \* \* 1-5 {2}next Tue 2026-01-06 09:00 {2}recurring, durable, expires Mon 2026-01-12/,
    );
  });
});
