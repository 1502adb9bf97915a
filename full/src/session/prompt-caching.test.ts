// Prompt caching in lcc (s06's breakpoints): at most four per request, the cache read from the second
// request on, and the history never carries cache_control — checked on what the fake API received.
import { MAX_CACHE_BREAKPOINTS } from "@lcc/s06";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createTestSession } from "../test-harness.ts";

const addCleanup = useCleanups();

describe("prompt caching in a session", () => {
  it("sends at most four breakpoints per request, reads the cache from the second request on, keeps history clean", async () => {
    const test = await createTestSession(
      [
        reply(toolUse("bash", { command: "echo 1" }, "toolu_c1")),
        reply(toolUse("bash", { command: "echo 2" }, "toolu_c2")),
        reply(text("done")),
        reply(text("second answer")),
      ],
      { files: { "x.txt": "x\n" } },
    );
    addCleanup(test.cleanup);
    await test.session.runTurn("go", new AbortController().signal);
    await test.session.runTurn("again", new AbortController().signal);
    const requests = test.fake.messageRequests();
    expect(requests).toHaveLength(4);
    for (const sent of requests) {
      const breakpoints = JSON.stringify(sent.body).match(/"cache_control"/g)?.length ?? 0;
      expect(breakpoints).toBeGreaterThanOrEqual(2);
      expect(breakpoints).toBeLessThanOrEqual(MAX_CACHE_BREAKPOINTS);
    }
    for (const sent of requests.slice(1)) expect(sent.usage?.cache_read_input_tokens).toBeGreaterThan(0);
    expect(JSON.stringify(test.session.core.state.messages)).not.toContain("cache_control");
    const total = test.session.usage.total();
    expect(total.cache_read_input_tokens).toBeGreaterThan(total.input_tokens);
    assertPairingInvariant(test.fake.requests);
  });
});
