// One SKILL.md: YAML frontmatter (parsed by a real YAML parser, block scalars included) and a body.
import { parseFrontmatter } from "@lcc/s04";
import { z } from "zod";

/** Skill names as Claude Code accepts them: lowercase words joined by hyphens, at most 64 characters. */
export const SKILL_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SKILL_NAME_CHARS = 64;
export const MAX_SKILL_DESCRIPTION_CHARS = 1024;

const frontmatterSchema = z.looseObject({
  name: z
    .string()
    .max(MAX_SKILL_NAME_CHARS)
    .regex(SKILL_NAME_PATTERN, "use lowercase letters, digits and hyphens (e.g. code-review)")
    .optional(),
  description: z.string().trim().min(1, "must not be empty").max(MAX_SKILL_DESCRIPTION_CHARS),
});

export interface SkillFile {
  /** From the frontmatter, or undefined when the file leaves it to the folder name. */
  name?: string;
  /** The description exactly as written (a block scalar keeps its line breaks). */
  description: string;
  /** The Markdown after the frontmatter. */
  body: string;
}

export type SkillFileParse = { ok: true; file: SkillFile } | { ok: false; problem: string };

/**
 * Splits a SKILL.md into frontmatter and body and validates the frontmatter. Pure, never throws:
 * a missing or malformed frontmatter, a YAML syntax error or a bad field becomes `{ ok: false }`
 * with a problem a person can act on.
 */
export function parseSkillFile(text: string): SkillFileParse {
  const parsed = parseFrontmatter(text, frontmatterSchema);
  if (!parsed.ok) return parsed;
  const { name, description } = parsed.data;
  const file: SkillFile = { description: description.trim(), body: parsed.body };
  if (name !== undefined) file.name = name;
  return { ok: true, file };
}
