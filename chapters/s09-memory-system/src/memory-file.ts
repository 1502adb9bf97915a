// One memory as a file: Markdown with YAML frontmatter (name, description, type) and the content as body.
// Pure: rendering and parsing; the store does the I/O.
import { parseFrontmatter } from "@lcc/s04";
import { stringify as stringifyYaml } from "yaml";
import { z } from "zod";

/**
 * What a memory is about. `user` and `feedback` hold across projects (kept in `~/.lcc/memory`);
 * `project` and `reference` belong to this workspace (kept in `<lcc home>/memory`).
 */
export const MEMORY_TYPES = ["user", "feedback", "project", "reference"] as const;
export type MemoryType = (typeof MEMORY_TYPES)[number];

/** Longest name and description a memory may have (they go into every session's prompt). */
export const MEMORY_NAME_MAX_CHARS = 100;
export const MEMORY_DESCRIPTION_MAX_CHARS = 300;
/** Longest content: a memory is a fact, not a document. */
export const MEMORY_CONTENT_MAX_CHARS = 20_000;

const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !/[\r\n]/.test(value), "must be a single line");

/** The frontmatter every memory file has. */
export const memoryFrontmatter = z.object({
  name: singleLine(MEMORY_NAME_MAX_CHARS),
  description: singleLine(MEMORY_DESCRIPTION_MAX_CHARS),
  type: z.enum(MEMORY_TYPES),
});

export type MemoryFrontmatter = z.infer<typeof memoryFrontmatter>;

/** A memory as written: its frontmatter and its content. */
export interface MemoryRecord extends MemoryFrontmatter {
  content: string;
}

/** The file text of a memory: frontmatter, a blank line, the content, a final newline. */
export function renderMemoryFile(memory: MemoryRecord): string {
  const frontmatter = stringifyYaml(
    { name: memory.name, description: memory.description, type: memory.type },
    { lineWidth: 0 },
  );
  return `---\n${frontmatter}---\n\n${memory.content.trim()}\n`;
}

/** The memory in `text`, or the problem a person can fix ("invalid frontmatter (type: …)"). Never throws. */
export function parseMemoryFile(
  text: string,
): { ok: true; memory: MemoryRecord } | { ok: false; problem: string } {
  const parsed = parseFrontmatter(text, memoryFrontmatter);
  if (!parsed.ok) return parsed;
  return { ok: true, memory: { ...parsed.data, content: parsed.body } };
}

/** True for the places a memory of `type` is kept: user-wide or this project's. */
export function scopeOfType(type: MemoryType): "user" | "project" {
  return type === "user" || type === "feedback" ? "user" : "project";
}
