// The summary request (pure): the instruction's sections and focus, appended without touching the history.
import type { MessageParam } from "@lcc/s01";
import { describe, expect, it } from "vitest";
import { buildSummaryInstruction, SUMMARY_SECTIONS, withSummaryInstruction } from "./summary-request.ts";

describe("the summary request", () => {
  it("asks for every section, names the focus, and forbids tool calls", () => {
    const instruction = buildSummaryInstruction("  the failing migration ");
    for (const section of SUMMARY_SECTIONS) expect(instruction).toContain(section);
    expect(instruction).toContain("Focus the summary on: the failing migration\n");
    expect(instruction).toContain("Do not call any tools.");
    expect(buildSummaryInstruction()).not.toContain("Focus");
  });

  it("appends the instruction to the last user message after its tool results, leaving the history untouched", () => {
    const history: MessageParam[] = [
      { role: "user", content: [{ type: "text", text: "go" }] },
      { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "bash", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "ok" }] },
    ];
    const snapshot = JSON.stringify(history);
    const messages = withSummaryInstruction(history, "SUMMARIZE");
    expect(messages.slice(0, 2)).toEqual(history.slice(0, 2));
    expect(messages[2]!.content).toEqual([
      { type: "tool_result", tool_use_id: "t1", content: "ok" },
      { type: "text", text: "SUMMARIZE" },
    ]);
    expect(JSON.stringify(history)).toBe(snapshot);
  });

  it("adds a user message when the history ends with the assistant's answer (/compact between turns)", () => {
    const history: MessageParam[] = [
      { role: "user", content: "hi" },
      { role: "assistant", content: [{ type: "text", text: "hello" }] },
    ];
    expect(withSummaryInstruction(history, "SUMMARIZE").at(-1)).toEqual({
      role: "user",
      content: [{ type: "text", text: "SUMMARIZE" }],
    });
  });
});
