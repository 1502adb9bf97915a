// The memory file format: frontmatter that survives any name a model may choose, and defects named.
import { describe, expect, it } from "vitest";
import { parseMemoryFile, renderMemoryFile } from "./memory-file.ts";

describe("memory files", () => {
  it.each([
    "true",
    "null",
    "123",
    "- starts like a list",
    "key: value",
    "#not a comment",
    "'single",
    '"double',
    "Straße — ünïcode",
    "{ braces }",
  ])("reads back the name %j exactly as written", (name) => {
    const memory = {
      name,
      description: `${name} again`,
      type: "user" as const,
      content: "Body\n\nwith lines",
    };
    expect(parseMemoryFile(renderMemoryFile(memory))).toEqual({ ok: true, memory });
  });

  it("names what is wrong with a file that is not a memory", () => {
    expect(parseMemoryFile("---\nname: x\ndescription: y\ntype: secret\n---\nbody")).toEqual({
      ok: false,
      problem: expect.stringMatching(/^invalid frontmatter \(type: /),
    });
    expect(parseMemoryFile("just text")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("no YAML frontmatter"),
    });
  });
});
