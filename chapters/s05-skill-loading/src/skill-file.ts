// One SKILL.md: read only from inside the workspace and only as a small regular file, then split into
// YAML frontmatter (parsed by a real YAML parser, block scalars included) and a body.
import { realpathSync } from "node:fs";
import { realpath } from "node:fs/promises";
import { type ConfigFileRead, readConfigFile, readConfigFileSync } from "@lcc/chapter-kit";
import { isInside } from "@lcc/s02";
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

/** The text of a SKILL.md, or why it is not used; `missing` means there is simply no SKILL.md there. */
export type SkillFileText = { ok: true; text: string } | { ok: false; missing: boolean; problem: string };

/**
 * Reads the SKILL.md at `file` when its real path (every symlink resolved, the skill folder's too) is
 * inside `root`, the workspace's real path, and it is a regular file of at most 1 MB, so a link out of
 * the workspace, a FIFO or a device is skipped with a problem instead of being read. Never throws.
 */
export async function readSkillText(root: string, file: string): Promise<SkillFileText> {
  const real = await realpath(file).catch((error: unknown) => error);
  if (typeof real !== "string") return unresolvable(real);
  if (!isInside(root, real)) return outside(real);
  return fromConfigRead(await readConfigFile(real));
}

/** The synchronous twin of readSkillText, for discovery at set-up. */
export function readSkillTextSync(root: string, file: string): SkillFileText {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    return unresolvable(error);
  }
  if (!isInside(root, real)) return outside(real);
  return fromConfigRead(readConfigFileSync(real));
}

function unresolvable(error: unknown): SkillFileText {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, missing: true, problem: "does not exist" };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, missing: false, problem: `cannot be read (${message})` };
}

function outside(real: string): SkillFileText {
  return {
    ok: false,
    missing: false,
    problem: `resolves to ${real}, outside the workspace (skills must live inside it)`,
  };
}

function fromConfigRead(read: ConfigFileRead): SkillFileText {
  if (read.ok) return read;
  return { ok: false, missing: read.skip.kind === "missing", problem: read.reason };
}
