// MEMORY.md: one line per memory in name order, at most 200 lines, the rest named in the last line.
import { describe, expect, it } from "vitest";
import { buildMemoryIndex, MEMORY_INDEX_MAX_LINES } from "./memory-index.ts";

const entry = (name: string, file = `${name}.md`) => ({ name, description: `about ${name}`, file });

describe("buildMemoryIndex", () => {
  it("lists each memory as a link to its file with its description, by name", () => {
    expect(buildMemoryIndex([entry("b"), entry("a [draft]", "a-draft.md")])).toBe(
      "- [a \\[draft\\]](a-draft.md) — about a [draft]\n- [b](b.md) — about b\n",
    );
  });

  it("is empty for no memories", () => {
    expect(buildMemoryIndex([])).toBe("");
  });

  it("holds 200 lines and names what did not fit in the last one", () => {
    const names = Array.from({ length: 203 }, (_, index) => `m${String(index).padStart(3, "0")}`);
    const lines = buildMemoryIndex(names.map((name) => entry(name)))
      .trimEnd()
      .split("\n");
    expect(lines).toHaveLength(MEMORY_INDEX_MAX_LINES);
    expect(lines[198]).toBe("- [m198](m198.md) — about m198");
    expect(lines[199]).toBe("- 4 more, not listed above (the index holds 200 lines): m199, m200, m201, m202");
  });

  it("lists exactly 200 memories without an overflow line", () => {
    const names = Array.from({ length: 200 }, (_, index) => `m${String(index).padStart(3, "0")}`);
    const lines = buildMemoryIndex(names.map((name) => entry(name)))
      .trimEnd()
      .split("\n");
    expect(lines).toHaveLength(200);
    expect(lines.at(-1)).toBe("- [m199](m199.md) — about m199");
  });

  it("counts the names that would make the overflow line too long", () => {
    const names = Array.from(
      { length: 260 },
      (_, index) => `${"x".repeat(90)}${String(index).padStart(3, "0")}`,
    );
    const last =
      buildMemoryIndex(names.map((name) => entry(name)))
        .trimEnd()
        .split("\n")
        .at(-1) ?? "";
    expect(last).toMatch(/^- 61 more, not listed above .*, and \d+ more$/);
    expect(last.length).toBeLessThan(2_200);
  });
});
