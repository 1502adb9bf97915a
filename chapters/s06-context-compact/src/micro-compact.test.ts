// Lever 1 (pure): which old tool results become placeholders, which are kept, and that pairs stay intact.
import type { MessageParam } from "@lcc/s01";
import { pairingProblems } from "@lcc/testkit";
import { describe, expect, it } from "vitest";
import { microCompact, PLACEHOLDER_PREFIX } from "./micro-compact.ts";

/** A history of tool rounds: each call is [id, name, input, output length]. */
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

function resultOf(messages: MessageParam[], id: string): string {
  for (const message of messages) {
    if (typeof message.content === "string") continue;
    for (const block of message.content) {
      if (block.type === "tool_result" && block.tool_use_id === id) return String(block.content);
    }
  }
  throw new Error(`no result ${id}`);
}

describe("microCompact", () => {
  it("replaces results older than the 3 most recent with a one-line placeholder naming the tool", () => {
    const messages = history(
      ["t1", "bash", { command: "npm test" }, 5000],
      ["t2", "bash", { command: "ls -R" }, 3000],
      ["t3", "bash", { command: "git diff" }, 1000],
      ["t4", "bash", { command: "git log" }, 1000],
      ["t5", "bash", { command: "pwd" }, 1000],
    );
    const result = microCompact(messages, { keepRecent: 3 });
    expect(resultOf(result.messages, "t1")).toBe(
      `${PLACEHOLDER_PREFIX} bash(npm test), 5,000 characters. Run it again if you need it.]`,
    );
    expect(resultOf(result.messages, "t2")).toMatch(
      /^\[Old tool result cleared to save context: bash\(ls -R\)/,
    );
    expect(resultOf(result.messages, "t3")).toBe("x".repeat(1000));
    expect(result.cleared.map((cleared) => cleared.toolUseId)).toEqual(["t1", "t2"]);
    expect(result.freedChars).toBe(
      8000 - resultOf(result.messages, "t1").length - resultOf(result.messages, "t2").length,
    );
    expect(pairingProblems(result.messages)).toEqual([]);
    expect(result.messages.at(-1)).toBe(messages.at(-1));
  });

  it("keeps read_file results of files not read again, and clears a read the same file superseded", () => {
    const messages = history(
      ["r1", "read_file", { path: "src/a.ts" }, 4000],
      ["r2", "read_file", { path: "src/b.ts" }, 4000],
      ["r3", "read_file", { path: "./src/a.ts" }, 4000],
      ["r4", "read_file", { path: "src/b.ts", offset: 2001 }, 4000],
      ["t5", "bash", { command: "a" }, 300],
      ["t6", "bash", { command: "b" }, 300],
      ["t7", "bash", { command: "c" }, 300],
    );
    const result = microCompact(messages, { keepRecent: 3 });
    expect(result.cleared.map((cleared) => cleared.toolUseId)).toEqual(["r1"]);
    expect(resultOf(result.messages, "r2")).toBe("x".repeat(4000));
    expect(resultOf(result.messages, "r3")).toBe("x".repeat(4000));
  });

  it("never clears load_skill results, short results or results already cleared, and leaves the input untouched", () => {
    const messages = history(
      ["s1", "load_skill", { name: "code-review" }, 6000],
      ["t2", "bash", { command: "echo hi" }, 50],
      ["t3", "bash", { command: "big" }, 9000],
      ["t4", "bash", { command: "d" }, 10],
      ["t5", "bash", { command: "e" }, 10],
      ["t6", "bash", { command: "f" }, 10],
    );
    const snapshot = JSON.stringify(messages);
    const once = microCompact(messages, { keepRecent: 3, keepTools: ["load_skill"] });
    expect(once.cleared.map((cleared) => cleared.toolUseId)).toEqual(["t3"]);
    expect(JSON.stringify(messages)).toBe(snapshot);
    const twice = microCompact(once.messages, { keepRecent: 3, keepTools: ["load_skill"] });
    expect(twice.cleared).toEqual([]);
    expect(twice.freedChars).toBe(0);
  });
});
