// The s09 chapter: the s08 agent plus memory that lasts across sessions — Markdown files in two places,
// an index in the system prompt at session start, memory_save / memory_forget, /memory, and the
// session's memories re-injected after a compaction.
import { homedir } from "node:os";
import { join } from "node:path";
import { type EmitEvent, extendSetup, type SetupContext } from "@lcc/s02";
import { ensureLccHome, lccHome } from "@lcc/s04";
import {
  createHookedChapter,
  createHookSetup,
  type HookSetup,
  type HookSetupOptions,
  type S08Chapter,
} from "@lcc/s08";
import { createMemoryAccess } from "./memory-access.ts";
import { createMemoryCommand } from "./memory-command.ts";
import { createMemoryForgetTool } from "./memory-forget-tool.ts";
import { createMemoryLibrary, type MemoryLibrary } from "./memory-library.ts";
import { createMemoryReminder } from "./memory-reminder.ts";
import { createMemorySaveTool } from "./memory-save-tool.ts";
import { buildMemorySection } from "./memory-section.ts";
import "@lcc/s06";

/** s08's options; `home` also decides where user memories live (`<home>/.lcc/memory`). */
export interface MemorySetupOptions extends HookSetupOptions {}

/** s08's setup plus the memory library (lcc and later chapters reach the memories through it). */
export interface MemorySetup extends HookSetup {
  memory: MemoryLibrary;
}

/** `~/.lcc/memory` for these options: `options.home`, else HOME of the environment, else the OS's home. */
export function userMemoryFolder(context: SetupContext, options: MemorySetupOptions = {}): string {
  return join(options.home ?? context.env?.HOME ?? homedir(), ".lcc", "memory");
}

/**
 * s08's setup plus: the `memory` system section (guidance and both indexes, read once now: the prompt
 * stays byte-identical for the whole conversation), the memory_save and memory_forget tools (they run
 * without a question; deny rules still apply), read_file access to the user memory folder, `/memory`,
 * and after each full compaction the memories this session saved re-injected as a `<system-reminder>`.
 * Unreadable memory files are reported once as warnings and left as they are.
 */
export async function createMemorySetup(
  context: SetupContext,
  options: MemorySetupOptions = {},
): Promise<MemorySetup> {
  const env = context.env ?? {};
  const library = createMemoryLibrary({
    workspace: context.workspace,
    projectFolder: join(lccHome(context.workspace, env), "memory"),
    userFolder: userMemoryFolder(context, options),
    prepareProject: async () => {
      await ensureLccHome(context.workspace, env);
    },
  });
  const reminder = createMemoryReminder(library);
  // s06 reports a compaction as an event; the next model call's transformContext re-injects the memories.
  const emit: EmitEvent = (event) => {
    context.emit(event);
    if (event.type === "compaction_end" && event.kind === "full" && event.ok) reminder.compacted();
  };
  const base = await createHookSetup({ ...context, emit }, options);
  const listings = await library.listAll();
  for (const { problems } of listings)
    for (const problem of problems)
      context.emit({
        type: "notice",
        source: "memory",
        level: "warn",
        text: `${library.displayPath(problem.path)}: ${problem.problem}; it is left as it is and not in the memory index.`,
      });
  const shared = library.places.length === 1;
  const loaded = describeLoaded(
    listings.map(({ place, memories }) => [shared ? "" : place.scope, memories.length]),
  );
  if (loaded)
    context.emit({
      type: "notice",
      source: "memory",
      text: `memory: ${loaded} in the prompt (/memory lists them)`,
    });
  const text = buildMemorySection(
    listings.map(({ place, memories }) => ({
      scope: shared ? "project and user" : place.scope,
      folder: library.displayPath(place.folder.folder),
      memories,
    })),
  );
  const folders = library.places.map((place) => place.folder.folder);
  const access = createMemoryAccess(context.workspace, folders);
  const setup = extendSetup(base, {
    systemSections: [
      { name: "memory", text, source: folders.map((folder) => library.displayPath(folder)).join(", ") },
    ],
    tools: [createMemorySaveTool(library), createMemoryForgetTool(library)],
    hooks: [access, reminder.hooks],
    childHooks: [access],
    commands: [createMemoryCommand(library)],
  });
  return { ...setup, memory: library };
}

/** "1 project memory and 2 user memories"; undefined when there are none. Pure. */
function describeLoaded(counts: ReadonlyArray<readonly [string, number]>): string | undefined {
  const parts = counts
    .filter(([, count]) => count > 0)
    .map(([scope, count]) => `${count} ${scope ? `${scope} ` : ""}memor${count === 1 ? "y" : "ies"}`);
  return parts.length === 0 ? undefined : parts.join(" and ");
}

export function createS09Chapter(options: MemorySetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s09", title: "memory system" }, (context) =>
    createMemorySetup(context, options),
  );
}
