// Each teammate's own compaction (s06's manager on its own history), so a long-lived autonomous teammate
// does not outgrow its context; the compacted history re-injects who it is, and its events carry its name.

import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { AgentHooks, EmitEvent, Tool } from "@lcc/s02";
import {
  type CompactionManager,
  type CompactOptions,
  createCompactionManager,
  createCompactTool,
  createTouchedFiles,
  resolveCompactOptions,
} from "@lcc/s06";
import { type Teammate, teammateIdentity } from "@lcc/s15";

/** The block a teammate's compacted history carries about who it is. Pure. */
export function identityBlock(teammate: Pick<Teammate, "name" | "role" | "workspace">): string {
  return `<identity>\n${teammateIdentity(teammate.name, teammate.role, teammate.workspace)}\n</identity>`;
}

export interface TeammateCompactionOptions {
  teammate: Teammate;
  /** s06's options (the tests make the threshold tiny); defaults as s06's. */
  compact: Partial<CompactOptions>;
  /** The folder its transcripts go to (created on the first compaction). */
  transcriptsFolder: () => Promise<string>;
  /** The session's emit: the manager's events are tagged with the teammate's name (teammate_event). */
  emit: EmitEvent;
}

export interface TeammateCompaction {
  manager: CompactionManager;
  /** The touched-files recorder (postToolUse) and the manager's transformContext / wrapCallModel. */
  hooks: AgentHooks[];
  /** Its own `compact` tool (the lead's is parentOnly): schedules a compaction of this teammate's history. */
  tool: Tool;
}

/**
 * A compaction manager over `teammate`'s history. Its events go out as the teammate's (so the lead's
 * PreCompact hooks and memory re-injection never take them for the lead's), and what a compaction keeps
 * ends with the teammate's identity block.
 */
export function createTeammateCompaction(options: TeammateCompactionOptions): TeammateCompaction {
  const { teammate } = options;
  const touchedFiles = createTouchedFiles();
  const manager = createCompactionManager({
    workspace: teammate.workspace,
    options: resolveCompactOptions(options.compact),
    emit: (event) => options.emit({ type: "teammate_event", name: teammate.name, event }),
    transcriptsDirectory: async () => {
      const folder = join(await options.transcriptsFolder(), teammate.name);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      return folder;
    },
    touchedFiles,
    reinjectedContext: () => [identityBlock(teammate)],
  });
  return { manager, hooks: [touchedFiles.hooks, manager.hooks], tool: createCompactTool(manager.schedule) };
}
