// The demo scenario is the chapter's end-to-end test: the REPL, the real agent and a real teammate; a plan
// rejected with feedback, the revised plan approved and carried out, a shutdown through the handshake, /requests.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import { requestsOf } from "@lcc/s15";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS16Chapter } from "./agent.ts";
import { createS16Scenario, FEEDBACK, REVISED_PLAN, s16DemoOptions } from "./scenario.ts";

const addCleanup = useCleanups();

describe("the s16 demo", () => {
  it("rejects a plan with feedback, approves the revision, and shuts the teammate down through the handshake", async () => {
    const output = captureOutput();
    const run = await runScenario(createS16Chapter(s16DemoOptions()), createS16Scenario(), output, {});
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);

    const text = output.text();
    expect(text).not.toContain("the demo waited");
    const alice = requestsOf(requests, "alice");
    // plan, revised plan, read, two edits, report, shutdown answer: nothing after approving the shutdown.
    expect(alice).toHaveLength(7);
    expect(JSON.stringify(alice[1]?.body.messages.at(-1))).toContain(`Feedback: ${FEEDBACK}`);
    expect(JSON.stringify(alice[2]?.body.messages.at(-1))).toContain("The lead approved your plan");
    expect(await readFile(join(run.workspace, "notes.txt"), "utf8")).toContain(
      "We shipped the release on Monday.\nPlease receive the build",
    );
    expect(text).toMatch(/\[alice\] stopped \(shut down at lead's request\)/);
    expect(text).toContain("Alice agreed and has stopped.");
    // /requests: three decided requests, the first plan rejected with its feedback.
    expect(text).toMatch(
      new RegExp(`req_[0-9a-f]{16} plan alice → lead · rejected \\(${FEEDBACK.replace(/[.:]/g, "\\$&")}\\)`),
    );
    expect(text).toContain(`plan alice → lead · approved (Go ahead.) · ${REVISED_PLAN.replace("\n", " ")}`);
    expect(text).toMatch(/req_[0-9a-f]{16} shutdown lead → alice · approved · the typos are fixed/);
  });
});
