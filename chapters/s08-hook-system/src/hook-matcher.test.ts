// Matchers as Claude Code writes them: everything, lists with Claude Code's tool names, regular expressions.
import { describe, expect, it } from "vitest";
import { matchesHook } from "./hook-matcher.ts";

const tool = { isTool: true };

describe("matchesHook", () => {
  it.each([
    ["", "bash", true],
    ["*", "edit_file", true],
    ["Bash", "bash", true],
    ["Bash", "edit_file", false],
    ["Edit|Write", "edit_file", true],
    ["Edit|Write", "write_file", true],
    ["Edit|Write", "bash", false],
    ["Read", "read_file", true],
    ["write_file", "write_file", true],
    ["Task", "agent", true],
    ["mcp__github__*", "mcp__github__create_issue", true],
    ["mcp__github__.*", "mcp__github__create_issue", true],
    ["mcp__.*__delete.*", "mcp__db__delete_row", true],
    ["Notebook.*", "edit_file", false],
    ["(Edit|Write", "edit_file", false],
  ])("%j selects %s: %s", (matcher, name, expected) => {
    expect(matchesHook(matcher, name, tool)).toBe(expected);
  });

  it("compares other targets (compaction triggers, session sources) exactly", () => {
    expect(matchesHook("manual", "manual", { isTool: false })).toBe(true);
    expect(matchesHook("manual", "auto", { isTool: false })).toBe(false);
    expect(matchesHook("startup|resume", "startup", { isTool: false })).toBe(true);
  });
});
