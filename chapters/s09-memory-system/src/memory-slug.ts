// File names for memories: a readable slug of the name, made unique so names that slug alike
// ("API keys", "api-keys") never share a file. Pure.

/** Longest slug (the file name stays short and readable). */
const SLUG_MAX_CHARS = 60;

/** "API keys & tokens" → "api-keys-tokens"; letters of any script are kept; never empty ("memory"). */
export function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_CHARS)
    .replace(/-+$/, "");
  // MEMORY.md is the index: a memory named "memory" must not take its name.
  return slug === "" || slug === "memory" ? `${slug || "memory"}-1` : slug;
}

/**
 * The file for a new memory called `name`: `<slug>.md`, else `<slug>-2.md`, `-3` … — the first that no
 * file in the folder has (`taken` holds every file name there, valid memories and unreadable files alike,
 * compared case-insensitively so the names stay distinct on case-insensitive file systems).
 */
export function newMemoryFileName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((file) => file.toLowerCase()));
  const slug = slugOf(name);
  for (let suffix = 1; ; suffix++) {
    const file = `${suffix === 1 ? slug : `${slug}-${suffix}`}.md`;
    if (!used.has(file.toLowerCase())) return file;
  }
}
