// One SKILL.md parsed: YAML block scalars, CRLF and a byte-order mark, and every defect reported, never thrown.
import { describe, expect, it } from "vitest";
import { parseSkillFile } from "./skill-file.ts";

const skill = (frontmatter: string, body = "# Body\nDo the thing.") => `---\n${frontmatter}\n---\n${body}\n`;

describe("parseSkillFile", () => {
  it("parses a `description: |` block scalar and keeps its line breaks", () => {
    const parsed = parseSkillFile(
      skill("name: code-review\ndescription: |\n  First line: with a colon.\n  Second line.\n"),
    );
    expect(parsed).toEqual({
      ok: true,
      file: {
        name: "code-review",
        description: "First line: with a colon.\nSecond line.",
        body: "# Body\nDo the thing.",
      },
    });
  });

  it("parses a folded `>-` scalar, CRLF line endings and a byte-order mark", () => {
    const text = "\uFEFF---\r\nname: notes\r\ndescription: >-\r\n  one\r\n  two\r\n---\r\nBody\r\n";
    expect(parseSkillFile(text)).toEqual({
      ok: true,
      file: { name: "notes", description: "one two", body: "Body" },
    });
  });

  it("leaves the name to the folder when the frontmatter has none", () => {
    const parsed = parseSkillFile(skill("description: Something useful."));
    expect(parsed.ok && parsed.file.name).toBe(undefined);
  });

  it("reports a file without frontmatter", () => {
    expect(parseSkillFile("# Just markdown\n")).toEqual({
      ok: false,
      problem: "no YAML frontmatter (the file must start with a --- line)",
    });
  });

  it("says the closing --- is missing rather than that there is no frontmatter", () => {
    expect(parseSkillFile("---\nname: notes\ndescription: Notes.\n# Body\n")).toEqual({
      ok: false,
      problem: "the frontmatter is not closed (add a --- line after the YAML)",
    });
  });

  it("reports a YAML syntax error instead of throwing", () => {
    const parsed = parseSkillFile(skill("name: broken\ndescription: [unclosed"));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(/^invalid YAML frontmatter: /);
  });

  it("names each bad field: a missing description and a name with capitals", () => {
    const parsed = parseSkillFile(skill("name: Code Review"));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain("name: use lowercase letters, digits and hyphens");
    expect(!parsed.ok && parsed.problem).toContain("description:");
  });

  it("keeps unknown frontmatter fields from failing the skill", () => {
    const parsed = parseSkillFile(skill("name: x\ndescription: d\nlicense: MIT\nallowed-tools: Read, Grep"));
    expect(parsed.ok).toBe(true);
  });
});
