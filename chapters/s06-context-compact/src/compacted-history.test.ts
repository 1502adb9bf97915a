// What the history becomes after a compaction (pure): the user's own words collected and budgeted,
// and the one user message of summary, words, files, skills and how to continue.
import type { MessageParam } from "@lcc/s01";
import { pairingProblems } from "@lcc/testkit";
import { describe, expect, it } from "vitest";
import {
  budgetUserMessages,
  buildCompactedHistory,
  collectUserMessages,
  USER_MESSAGE_MAX_CHARS,
  USER_MESSAGES_MAX_CHARS,
} from "./compacted-history.ts";

const compacted = (userMessages: string[]) =>
  buildCompactedHistory({
    summary: "1. Goal — ship it.",
    userMessages,
    files: [{ path: "src/a.ts", content: "export const a = 1;\n" }],
    reinjected: ['<skill name="deploy" path="skills/deploy">\nRun make deploy.\n</skill>'],
    transcriptPath: ".lcc/transcripts/compact-1.jsonl",
    trigger: "at the user's request, /compact",
  });

describe("compacted history", () => {
  it("collects only what the user typed: no tool results, reminders or harness blocks", () => {
    const messages: MessageParam[] = [
      { role: "user", content: "Fix the login bug." },
      {
        role: "assistant",
        content: [{ type: "tool_use", id: "t1", name: "bash", input: { command: "ls" } }],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "t1", content: "a.ts" },
          { type: "text", text: "<system-reminder>update your plan</system-reminder>" },
          { type: "text", text: "Also keep the old API." },
        ],
      },
    ];
    expect(collectUserMessages(messages)).toEqual(["Fix the login bug.", "Also keep the old API."]);
  });

  it("carries the user's messages through a second compaction, verbatim and in order", () => {
    const first = compacted(["Fix the login bug.", "Also keep the old API."]);
    const later: MessageParam[] = [
      { role: "user", content: [...(first[0]!.content as []), { type: "text", text: "Now add a test." }] },
    ];
    expect(collectUserMessages(later)).toEqual([
      "Fix the login bug.",
      "Also keep the old API.",
      "Now add a test.",
    ]);
  });

  it("is one user message: summary, the user's words, files, skills, then how to continue", () => {
    const history = compacted(["Fix the login bug."]);
    expect(history).toHaveLength(1);
    expect(pairingProblems(history)).toEqual([]);
    const texts = (history[0]!.content as Array<{ text: string }>).map((block) => block.text);
    expect(texts[0]).toMatch(
      /^<compacted-context>\nThis conversation was compacted \(at the user's request, \/compact\)/,
    );
    expect(texts[0]).toContain("The full transcript is saved at .lcc/transcripts/compact-1.jsonl");
    expect(texts[0]).toContain("1. Goal — ship it.");
    expect(texts[1]).toBe("<user-message>\nFix the login bug.\n</user-message>");
    expect(texts[2]).toMatch(/^<file path="src\/a.ts"[^>]*>\nexport const a = 1;\n/);
    expect(texts[3]).toMatch(/^<skill name="deploy"/);
    expect(texts[4]).toMatch(/^<continue-after-compaction>/);
  });

  it("keeps the first and the newest messages within the budget, capping each one", () => {
    const long = "y".repeat(USER_MESSAGE_MAX_CHARS * 3);
    const messages = ["the goal", ...Array.from({ length: 20 }, (_, index) => `${index}:${long}`)];
    const { kept, omitted } = budgetUserMessages(messages);
    expect(kept[0]).toBe("the goal");
    expect(kept.at(-1)).toMatch(/^19:y/);
    expect(kept.every((text) => text.length <= USER_MESSAGE_MAX_CHARS)).toBe(true);
    expect(kept.join("").length).toBeLessThanOrEqual(USER_MESSAGES_MAX_CHARS);
    expect(omitted + kept.length).toBe(messages.length);
    expect(omitted).toBeGreaterThan(0);
  });
});
