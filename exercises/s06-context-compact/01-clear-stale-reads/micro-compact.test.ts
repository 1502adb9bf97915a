// Lever 1 with stale reads: a read_file result is cleared once its file was written or edited later, and
// kept otherwise; every tool_use keeps its tool_result.
import type { MessageParam } from "@lcc/s01";
import { pairingProblems } from "@lcc/testkit";
import { describe, expect, it } from "vitest";
import { microCompact, PLACEHOLDER_PREFIX } from "./micro-compact.ts";

/** A history of tool rounds: each call is [id, name, input, length of its result]. */
function history(...calls: Array<[string, string, Record<string, unknown>, number]>): MessageParam[] {
  const messages: MessageParam[] = [{ role: "user", content: [{ type: "text", text: "start" }] }];
  for (const [id, name, input, length] of calls) {
    messages.push({ role: "assistant", content: [{ type: "tool_use", id, name, input }] });
    messages.push({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: id, content: "x".repeat(length) }],
    });
  }
  return messages;
}

/** Three recent bash results: what keepRecent 3 protects, so the calls before them are "old". */
const RECENT: Array<[string, string, Record<string, unknown>, number]> = [
  ["t1", "bash", { command: "a" }, 300],
  ["t2", "bash", { command: "b" }, 300],
  ["t3", "bash", { command: "c" }, 300],
];

const clearedIds = (messages: MessageParam[]) =>
  microCompact(messages, { keepRecent: 3 }).cleared.map((cleared) => cleared.toolUseId);

describe("microCompact and stale reads", () => {
  it("clears a read of a file that was edited later, with the usual placeholder, pairs intact", () => {
    const messages = history(
      ["r1", "read_file", { path: "src/app.ts" }, 4000],
      ["e1", "edit_file", { path: "src/app.ts", old_text: "a", new_text: "b" }, 80],
      ...RECENT,
    );
    const result = microCompact(messages, { keepRecent: 3 });
    expect(result.cleared.map((cleared) => cleared.toolUseId)).toEqual(["r1"]);
    const block = (result.messages[2]!.content as Array<{ content?: unknown }>)[0]!;
    expect(String(block.content)).toMatch(
      /^\[Old tool result cleared to save context: read_file\(src\/app\.ts\)/,
    );
    expect(String(block.content).startsWith(PLACEHOLDER_PREFIX)).toBe(true);
    expect(pairingProblems(result.messages)).toEqual([]);
  });

  it("clears every range read of a file rewritten later, the path written as ./src/… included", () => {
    const messages = history(
      ["r1", "read_file", { path: "src/app.ts", offset: 1, limit: 100 }, 3000],
      ["r2", "read_file", { path: "src/app.ts", offset: 101, limit: 100 }, 3000],
      ["w1", "write_file", { path: "./src/app.ts", content: "export {};\n" }, 60],
      ...RECENT,
    );
    expect(clearedIds(messages)).toEqual(["r1", "r2"]);
  });

  it("keeps a read whose file was not written, and a read made after the write (it is current)", () => {
    const messages = history(
      ["r1", "read_file", { path: "src/app.ts" }, 4000],
      ["w1", "write_file", { path: "src/other.ts", content: "export {};\n" }, 60],
      ["w2", "write_file", { path: "src/config.ts", content: "export {};\n" }, 60],
      ["r2", "read_file", { path: "src/config.ts" }, 4000],
      ["b1", "bash", { command: "npm test" }, 5000],
      ...RECENT,
    );
    expect(clearedIds(messages)).toEqual(["b1"]);
  });
});
