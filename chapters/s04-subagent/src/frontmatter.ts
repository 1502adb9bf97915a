// Markdown files with YAML frontmatter (agent types here, skills in s05): split, parse with a real
// YAML parser, validate with a zod schema, and report any defect as a problem a person can act on.
import { parse as parseYaml } from "yaml";
import type { z } from "zod";

/** `---`, the YAML (possibly empty), `---`; a byte-order mark and CRLF line endings are accepted. */
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
/** Just the opening `---` line: the file means to have frontmatter, whether or not it closes it. */
const OPENING_LINE = /^\uFEFF?---[ \t]*(?:\r?\n|$)/;

export type FrontmatterParse<Data> = { ok: true; data: Data; body: string } | { ok: false; problem: string };

/** Splits `text` into validated frontmatter and the trimmed body. Pure, never throws. */
export function parseFrontmatter<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
): FrontmatterParse<z.infer<Schema>> {
  const match = FRONTMATTER.exec(text);
  if (!match && OPENING_LINE.test(text))
    return { ok: false, problem: "the frontmatter is not closed (add a --- line after the YAML)" };
  if (!match) return { ok: false, problem: "no YAML frontmatter (the file must start with a --- line)" };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, problem: `invalid YAML frontmatter: ${message}` };
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "frontmatter"}: ${issue.message}`,
    );
    return { ok: false, problem: `invalid frontmatter (${issues.join("; ")})` };
  }
  return { ok: true, data: parsed.data, body: text.slice(match[0].length).trim() };
}
