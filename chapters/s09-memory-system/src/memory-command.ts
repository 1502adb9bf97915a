// `/memory`: list both places (type, description, path), `/memory open <name>` prints a memory's file,
// `/memory forget <name>` deletes it through the same code path as the memory_forget tool.
import { readFile } from "node:fs/promises";
import { type SlashCommand, ToolError } from "@lcc/s02";
import { forgetMemory } from "./memory-forget-tool.ts";
import type { MemoryLibrary, PlaceListing } from "./memory-library.ts";

const USAGE = "Usage: /memory, /memory open <name>, /memory forget <name>";

/** The /memory listing: one block per place, memories saved in this conversation marked, unreadable files named. */
export async function describeMemories(library: MemoryLibrary): Promise<string> {
  const listings = await library.listAll();
  const saved = library.changes().saved;
  const lines: string[] = [];
  for (const listing of listings) {
    const { place, memories } = listing;
    const title = place.scope === "user" ? "User memories" : "Project memories";
    lines.push(
      `${title} (${library.displayPath(place.folder.folder)}): ${memories.length === 0 ? "none" : memories.length}`,
    );
    for (const memory of memories) {
      const mark = saved.has(memory.name)
        ? "  · saved in this conversation: in the prompt from the next one"
        : "";
      lines.push(`  ${memory.name} [${memory.type}] — ${memory.description}${mark}`);
      lines.push(`      ${library.displayPath(memory.path)}`);
    }
    lines.push(...problemLines(listing, library));
  }
  return lines.join("\n");
}

function problemLines(listing: PlaceListing, library: MemoryLibrary): string[] {
  return listing.problems.map(
    (problem) => `  ⚠ ${library.displayPath(problem.path)}: ${problem.problem}; left as it is`,
  );
}

/** The /memory command for `library`. */
export function createMemoryCommand(library: MemoryLibrary): SlashCommand {
  return {
    name: "memory",
    usage: "/memory [open|forget <name>]",
    summary: "list saved memories; open or forget one by name",
    async run(args, { write }) {
      const [action = "", ...rest] = args.split(/\s+/);
      const name = args.slice(action.length).trim();
      if (action === "") {
        write(`${await describeMemories(library)}\n`);
        return;
      }
      if ((action !== "open" && action !== "forget") || rest.length === 0 || name === "") {
        write(`${USAGE}\n`);
        return;
      }
      if (action === "forget") {
        try {
          write(`${(await forgetMemory(library, name)).text}\n`);
        } catch (error) {
          if (!(error instanceof ToolError)) throw error;
          write(`${error.message}\n`);
        }
        return;
      }
      const memory = (await library.listAll())
        .flatMap((listing) => listing.memories)
        .find((entry) => entry.name === name);
      if (!memory) {
        write(`No memory is named "${name}". /memory lists them.\n`);
        return;
      }
      write(`${library.displayPath(memory.path)}\n${await readFile(memory.path, "utf8")}`);
    },
  };
}
