// Prompt caching: breakpoints on the stable prefix and the tail, never more than four, never written
// into the history — checked on pure requests and on what the fake API received from a real session.

import type { MessageParam } from "@lcc/s01";
import type { ModelRequest } from "@lcc/s02";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { countBreakpoints, MAX_CACHE_BREAKPOINTS, withCacheBreakpoints } from "./prompt-cache.ts";
import { createTestSession } from "./test-harness.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function request(messages: MessageParam[], system: ModelRequest["system"] = "You are a test."): ModelRequest {
  return { model: "m", max_tokens: 10, system, tools: [], messages };
}

const conversation: MessageParam[] = [
  { role: "user", content: "first" },
  { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "bash", input: {} }] },
  { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "ok" }] },
];

describe("withCacheBreakpoints", () => {
  it("marks the system prompt, the last message and the previous user message", () => {
    const marked = withCacheBreakpoints(request(conversation));
    expect(countBreakpoints(marked)).toBe(3);
    expect(marked.system).toEqual([
      { type: "text", text: "You are a test.", cache_control: { type: "ephemeral" } },
    ]);
    expect(marked.messages[0]?.content).toEqual([
      { type: "text", text: "first", cache_control: { type: "ephemeral" } },
    ]);
    expect(marked.messages[2]?.content).toEqual([
      { type: "tool_result", tool_use_id: "t1", content: "ok", cache_control: { type: "ephemeral" } },
    ]);
  });

  it("never mutates the request or its history", () => {
    const original = request(conversation);
    const before = JSON.stringify(original);
    withCacheBreakpoints(original);
    expect(JSON.stringify(original)).toBe(before);
  });

  it("respects breakpoints a chapter already placed and never exceeds four", () => {
    const system = [1, 2, 3].map((index) => ({
      type: "text" as const,
      text: `section ${index}`,
      cache_control: { type: "ephemeral" as const },
    }));
    const marked = withCacheBreakpoints(request(conversation, system));
    expect(countBreakpoints(marked)).toBe(MAX_CACHE_BREAKPOINTS);
    expect(marked.messages[2]?.content).toEqual([
      { type: "tool_result", tool_use_id: "t1", content: "ok", cache_control: { type: "ephemeral" } },
    ]);
    const full = [1, 2, 3, 4].map((index) => ({
      type: "text" as const,
      text: `s${index}`,
      cache_control: { type: "ephemeral" as const },
    }));
    expect(countBreakpoints(withCacheBreakpoints(request(conversation, full)))).toBe(4);
  });

  it("skips blocks that cannot carry cache_control", () => {
    const marked = withCacheBreakpoints(
      request(
        [
          {
            role: "user",
            content: [
              { type: "text", text: "hi" },
              { type: "text", text: "" },
            ],
          },
        ],
        "",
      ),
    );
    expect(marked.system).toBe("");
    expect(marked.messages[0]?.content).toEqual([
      { type: "text", text: "hi", cache_control: { type: "ephemeral" } },
      { type: "text", text: "" },
    ]);
  });
});

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
    cleanups.push(test.cleanup);
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
    expect(JSON.stringify(test.session.state.messages)).not.toContain("cache_control");
    const total = test.session.usage.total();
    expect(total.cache_read_input_tokens).toBeGreaterThan(total.input_tokens);
    assertPairingInvariant(test.fake.requests);
  });
});
