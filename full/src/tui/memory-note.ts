// `#text` at the prompt: the note saved as a memory through s09's library (its secret scan, locks and
// index included), named after its first words, in the project's or the user's memory.
import { formatCount } from "@lcc/chapter-kit";
import { MEMORY_CONTENT_MAX_CHARS, type MemoryLibrary, type MemoryScope } from "@lcc/s09";

/** Characters of the note its name keeps at most (cut at a word). */
export const NOTE_NAME_MAX_CHARS = 60;
/** Characters of the note its description keeps at most (s09 allows 300). */
const NOTE_DESCRIPTION_MAX_CHARS = 200;

/**
 * Saves `text` as a memory of type "project" or "user" (matching `scope`) and returns the line to show:
 * where it was saved, or why not (s09's refusal of a secret, too long, an I/O error). A different memory
 * that already has the same name is never overwritten: the new one gets "(2)", "(3)" … Never throws.
 */
export async function saveMemoryNote(
  library: MemoryLibrary,
  text: string,
  scope: MemoryScope,
): Promise<string> {
  const note = text.replace(/\s+/g, " ").trim();
  if (note === "") return "Nothing to remember: type the note after #.";
  if (note.length > MEMORY_CONTENT_MAX_CHARS) {
    return `Not saved: a memory holds at most ${formatCount(MEMORY_CONTENT_MAX_CHARS)} characters.`;
  }
  try {
    const name = await freeName(library, nameOf(note), note);
    const outcome = await library.save({
      name,
      description: cut(note, NOTE_DESCRIPTION_MAX_CHARS),
      type: scope,
      content: note,
    });
    if (outcome.kind === "refused") return outcome.reason;
    const where = scope === "user" ? "user memory (every project)" : "project memory";
    return `Saved to ${where} as "${name}" (${library.displayPath(outcome.memory.path)}).`;
  } catch (error) {
    return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The note's first words, at most NOTE_NAME_MAX_CHARS characters. */
export function nameOf(note: string): string {
  return cut(note, NOTE_NAME_MAX_CHARS);
}

/** `name`, or "name (2)" … when a memory with another content has it already (the same note is updated). */
async function freeName(library: MemoryLibrary, name: string, content: string): Promise<string> {
  const memories = (await library.listAll()).flatMap((listing) => listing.memories);
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? name : `${name} (${suffix})`;
    const taken = memories.find((memory) => memory.name === candidate);
    if (!taken || taken.content.trim() === content) return candidate;
  }
}

/** `text` if it fits in `max` characters; else cut at the last space (or hard) with "…". */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
