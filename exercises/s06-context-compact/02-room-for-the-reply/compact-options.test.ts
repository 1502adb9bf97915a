// The auto-compaction threshold leaves room for the reply: the numbers, then the real s06 agent with a small
// window compacting before the request that would have left no room (fake API, usage reported as estimated).
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { createCompactSetup, isSummaryRequest } from "@lcc/s06";
import { assertPairingInvariant, type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { resolveCompactOptions } from "./compact-options.ts";

const addCleanup = useCleanups();

describe("resolveCompactOptions", () => {
  it("keeps 80% of a large window, and caps a small window's threshold at the window minus the reply's room", () => {
    expect(resolveCompactOptions({ contextWindow: 200_000 }).autoCompactTokens).toBe(160_000);
    const small = resolveCompactOptions({ contextWindow: 32_000 });
    expect([small.autoCompactTokens, small.microCompactTokens, small.microCompactMinSavedTokens]).toEqual([
      12_000, 6_000, 3_000,
    ]);
    expect(
      resolveCompactOptions({ contextWindow: 32_000, reservedOutputTokens: 8_000 }).autoCompactTokens,
    ).toBe(24_000);
  });

  it("caps a threshold that was given too high, and keeps one given low enough", () => {
    expect(resolveCompactOptions({ autoCompactTokens: 195_000 }).autoCompactTokens).toBe(180_000);
    expect(resolveCompactOptions({ autoCompactTokens: 4_000 }).autoCompactTokens).toBe(4_000);
  });
});

describe("the s06 agent with a 30,000-token window", () => {
  it("compacts before the first request after the context passed 10,000 tokens", async () => {
    const steps: FakeReply[] = [
      reply(toolUse("bash", { command: `node -e "process.stdout.write('x'.repeat(48000))"` })),
      reply(toolUse("bash", { command: "echo next" })),
      reply(text("The output was long.")),
    ];
    let position = 0;
    const model = await startFakeModel({
      script: (request) =>
        isSummaryRequest(request.body) ? reply(text("SUMMARY: printed 48,000 x.")) : steps[position++]!,
      model: DEFAULT_MODEL,
    });
    addCleanup(model.cleanup);
    const options = resolveCompactOptions({ contextWindow: 30_000, largeOutputChars: 100_000 });
    const agent = await createSessionAgent((context) => createCompactSetup(context, options), {
      client: model.client,
      config: model.config,
      workspace: model.workspace,
      output: captureOutput(),
    });
    await agent.handleLine("Print a lot.", new AbortController().signal);

    const requests = model.fake.messageRequests();
    expect(requests.map((request) => isSummaryRequest(request.body))).toEqual([false, false, true, false]);
    expect(agent.setup.compaction.status().compactions).toBe(1);
    expect(JSON.stringify(requests[3]!.body.messages)).toContain("SUMMARY: printed 48,000 x.");
    assertPairingInvariant(requests.filter((request) => !isSummaryRequest(request.body)));
  });
});
