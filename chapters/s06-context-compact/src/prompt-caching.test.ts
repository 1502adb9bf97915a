// Prompt caching: breakpoints on the stable prefix and the tail, never more than four, never written
// into the history (full's prompt-caching test checks the same on a real session).

import type { MessageParam } from "@lcc/s01";
import type { ModelRequest } from "@lcc/s02";
import { describe, expect, it } from "vitest";
import { addCacheBreakpoints, countBreakpoints, MAX_CACHE_BREAKPOINTS } from "./prompt-caching.ts";

function request(messages: MessageParam[], system: ModelRequest["system"] = "You are a test."): ModelRequest {
  return { model: "m", max_tokens: 10, system, tools: [], messages };
}

const conversation: MessageParam[] = [
  { role: "user", content: "first" },
  { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "bash", input: {} }] },
  { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "ok" }] },
];

describe("addCacheBreakpoints", () => {
  it("marks the system prompt, the last message and the previous user message", () => {
    const marked = addCacheBreakpoints(request(conversation));
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
    addCacheBreakpoints(original);
    expect(JSON.stringify(original)).toBe(before);
  });

  it("respects breakpoints a chapter already placed and never exceeds four", () => {
    const system = [1, 2, 3].map((index) => ({
      type: "text" as const,
      text: `section ${index}`,
      cache_control: { type: "ephemeral" as const },
    }));
    const marked = addCacheBreakpoints(request(conversation, system));
    expect(countBreakpoints(marked)).toBe(MAX_CACHE_BREAKPOINTS);
    expect(marked.messages[2]?.content).toEqual([
      { type: "tool_result", tool_use_id: "t1", content: "ok", cache_control: { type: "ephemeral" } },
    ]);
    const full = [1, 2, 3, 4].map((index) => ({
      type: "text" as const,
      text: `s${index}`,
      cache_control: { type: "ephemeral" as const },
    }));
    expect(countBreakpoints(addCacheBreakpoints(request(conversation, full)))).toBe(4);
  });

  it("skips blocks that cannot carry cache_control", () => {
    const marked = addCacheBreakpoints(
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
