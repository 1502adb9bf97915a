// The `memory` system section: what to save and what never to save, and each place's index as it was at
// session start. Built once per conversation; never re-read mid-session (the prompt stays byte-identical).

import type { StoredMemory } from "./memory-folder.ts";
import { buildMemoryIndex } from "./memory-index.ts";
import type { MemoryScope } from "./memory-library.ts";

export interface SectionPlace {
  scope: MemoryScope | "project and user";
  /** The folder as the model should pass it to read_file (workspace-relative inside the workspace). */
  folder: string;
  memories: readonly StoredMemory[];
}

const GUIDANCE = [
  "# Memory",
  "You have a memory that lasts across sessions: one Markdown file per memory, listed below by name and description.",
  "Save one with memory_save (saving the exact same name updates it) and delete a wrong one with memory_forget.",
  "Types: user (who the user is, their role and preferences) and feedback (how the user wants you to work: corrections,",
  "approaches they confirmed) are kept for all projects; project (goals, decisions, people, deadlines that the code",
  "does not show) and reference (where things live outside the repository: dashboards, tickets, docs) for this one.",
  "Save when the user asks you to remember something, corrects your approach, or tells you a lasting fact a future",
  "session will need. Never save: code structure, file layouts or conventions that can be read from the repository;",
  "secrets (keys, tokens, passwords), ever; the state of the current task (use the plan); what CLAUDE.md already says.",
  "Before saving, look at the index: update the memory that covers the subject instead of adding a near-duplicate.",
  "The index shows only names and descriptions: read a memory's file (read_file with the folder below) when it is",
  "relevant. A memory can be out of date: check it against the code before you rely on it. Memories saved now are",
  "in this list from the next session on.",
].join("\n");

/** The section text: the guidance, then one index per place ("(none yet)" for an empty one). Pure. */
export function buildMemorySection(places: readonly SectionPlace[]): string {
  const indexes = places.map((place) => {
    const title = `## ${place.scope === "user" ? "User" : place.scope === "project" ? "Project" : "Project and user"} memories (${place.folder})`;
    const index = buildMemoryIndex(place.memories).trimEnd();
    return `${title}\n${index || "(none yet)"}`;
  });
  return [GUIDANCE, ...indexes].join("\n\n");
}
