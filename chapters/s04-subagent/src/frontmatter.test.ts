// parseFrontmatter: the split between YAML and body, and a problem a person can act on for each defect.

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseFrontmatter } from "./frontmatter.ts";

const schema = z.looseObject({ title: z.string() });

describe("parseFrontmatter", () => {
  it("splits validated YAML from the trimmed body", () => {
    expect(parseFrontmatter("---\ntitle: Hi\n---\n\nBody\n", schema)).toEqual({
      ok: true,
      data: { title: "Hi" },
      body: "Body",
    });
  });

  it("says the closing --- is missing when the file opens frontmatter and never closes it", () => {
    const problem = { ok: false, problem: "the frontmatter is not closed (add a --- line after the YAML)" };
    expect(parseFrontmatter("---\ntitle: Hi\n\nBody\n", schema)).toEqual(problem);
    expect(parseFrontmatter("\uFEFF---\r\ntitle: Hi\r\n", schema)).toEqual(problem);
    expect(parseFrontmatter("---", schema)).toEqual(problem);
  });

  it("says the file has no frontmatter when it does not start with ---", () => {
    expect(parseFrontmatter("# Title\n---\ntitle: Hi\n---\n", schema)).toEqual({
      ok: false,
      problem: "no YAML frontmatter (the file must start with a --- line)",
    });
  });
});
