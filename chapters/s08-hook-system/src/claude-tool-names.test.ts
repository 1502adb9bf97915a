// Hook scripts written for Claude Code see its names and fields, and their updatedInput comes back in ours.
import { describe, expect, it } from "vitest";
import { claudeToolName, hookToolInput, inputFromHook } from "./claude-tool-names.ts";

describe("Claude Code names for hooks", () => {
  it("names our tools as Claude Code does", () => {
    expect(
      ["bash", "read_file", "write_file", "edit_file", "agent", "mcp__x__y"].map(claudeToolName),
    ).toEqual(["Bash", "Read", "Write", "Edit", "Task", "mcp__x__y"]);
  });

  it("adds file_path, old_string and new_string beside our fields", () => {
    expect(hookToolInput({ path: "a.ts", old_text: "x", new_text: "y" })).toEqual({
      path: "a.ts",
      file_path: "a.ts",
      old_text: "x",
      new_text: "y",
      old_string: "x",
      new_string: "y",
    });
  });

  it("takes the field the hook changed, whichever name it used", () => {
    const original = { path: "a.ts", content: "1" };
    expect(inputFromHook({ path: "a.ts", file_path: "b.ts", content: "1" }, original)).toEqual({
      path: "b.ts",
      content: "1",
    });
    expect(inputFromHook({ path: "c.ts", file_path: "a.ts", content: "1" }, original)).toEqual({
      path: "c.ts",
      content: "1",
    });
    expect(inputFromHook({ file_path: "d.ts", new_string: "z" }, {})).toEqual({
      path: "d.ts",
      new_text: "z",
    });
  });
});
