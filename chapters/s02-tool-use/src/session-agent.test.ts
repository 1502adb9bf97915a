// The s02 chapter agent end to end: what the user is told when a run ends badly, and the demo scenario.
import { readFile } from "node:fs/promises";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant, faults, reply, text } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { s02Chapter } from "./agent.ts";
import { s02Scenario } from "./scenario.ts";

const addCleanup = useCleanups();

describe("s02 session agent", () => {
  it("after a failed model request, reports it and the next prompt joins the unanswered one", async () => {
    const { client, config, workspace, fake, cleanup } = await startFakeModel({
      script: [faults.serverError(), reply(text("Both answered."))],
    });
    addCleanup(cleanup);
    const output = captureOutput();
    const agent = await s02Chapter.createAgent({ client, config, workspace, output });
    await agent.runTurn("first", new AbortController().signal);
    expect(output.text()).toContain("⚠ Model request failed:");
    await agent.runTurn("second", new AbortController().signal);
    expect(fake.messageRequests()[1]!.body.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "first" },
          { type: "text", text: "second" },
        ],
      },
    ]);
    assertPairingInvariant(fake.messageRequests());
  });

  it("tells the user when a reply hit the output limit", async () => {
    const { client, config, workspace, cleanup } = await startFakeModel({
      script: [{ ...reply(text("A long answer that")), stop_reason: "max_tokens" }],
    });
    addCleanup(cleanup);
    const output = captureOutput();
    const agent = await s02Chapter.createAgent({ client, config, workspace, output });
    await agent.runTurn("explain everything", new AbortController().signal);
    expect(output.text()).toContain("A long answer that\n⚠ The reply hit the output limit (MAX_TOKENS=1024)");
  });
});

describe("s02 demo scenario", () => {
  it("edits the file through the real agent, shows every call and keeps pairing", async () => {
    const output = captureOutput();
    const run = await runScenario(s02Chapter, s02Scenario, output);
    addCleanup(run.cleanup);
    assertPairingInvariant(run.requests);
    expect(output.text()).toContain("old_text occurs 2 times in greet.js");
    expect(output.text()).toContain("outside the workspace");
    expect(output.text()).toContain("Hello, world");
    expect(await readFile(`${run.workspace}/greet.js`, "utf8")).toContain("return `Hello, ${name}`;");
  });
});
