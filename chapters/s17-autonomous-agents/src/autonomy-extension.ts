// s17's TeammateExtension: what makes every teammate autonomous — the Autonomy section, claim_task, idle and
// its own compact tool, its compaction and task-ownership hooks, and the idle policy that polls and claims.
import type { AgentHooks, EmitEvent } from "@lcc/s02";
import type { CompactOptions } from "@lcc/s06";
import type { TaskStore } from "@lcc/s12";
import type { CronClock } from "@lcc/s14";
import type { Team, Teammate, TeammateExtension } from "@lcc/s15";
import { teammateAutonomySection } from "./autonomy-sections.ts";
import { createRosterTaskHook, releaseHeldTasks } from "./held-tasks.ts";
import { createIdlePolicy, DEFAULT_IDLE_POLL_MS, DEFAULT_IDLE_TIMEOUT_MS } from "./idle-policy.ts";
import { createTaskOwnershipHook } from "./task-ownership.ts";
import { createTeammateCompaction, type TeammateCompaction } from "./teammate-compaction.ts";
import { createClaimTaskTool } from "./tools/claim-task-tool.ts";
import { createIdleTool } from "./tools/idle-tool.ts";

export interface AutonomyOptions {
  /** The board: s12's store of the session (a function: the store exists once the setup is built). */
  tasks: () => TaskStore;
  /** The clock idle teammates poll on (tests: a manual one). */
  clock: CronClock;
  /** Default DEFAULT_IDLE_POLL_MS (5 s). */
  pollMs?: number;
  /** Default DEFAULT_IDLE_TIMEOUT_MS (60 s). */
  timeoutMs?: number;
  /** Each teammate's compaction options (s06's). */
  compact: Partial<CompactOptions>;
  /** Where teammates' transcripts go (a folder per teammate below it). */
  transcriptsFolder: () => Promise<string>;
  emit: EmitEvent;
  /** Told of background work (giving a stopped teammate's tasks back), so the session can await it at close. */
  track?: (work: Promise<unknown>) => void;
}

/** What one teammate gets, made once whether its tools or its hooks are asked for first. */
interface TeammateParts {
  idle: ReturnType<typeof createIdleTool>;
  compaction: TeammateCompaction;
}

/** The extension s17 passes down in teammateExtensions. */
export function createAutonomyExtension(options: AutonomyOptions): TeammateExtension {
  const pollMs = options.pollMs ?? DEFAULT_IDLE_POLL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const seconds = (ms: number) => Math.round(ms / 1000);
  const parts = new WeakMap<Teammate, TeammateParts>();
  const partsOf = (teammate: Teammate): TeammateParts => {
    const existing = parts.get(teammate);
    if (existing) return existing;
    const made: TeammateParts = {
      idle: createIdleTool({ pollSeconds: seconds(pollMs), timeoutSeconds: seconds(timeoutMs) }),
      compaction: createTeammateCompaction({
        teammate,
        compact: options.compact,
        transcriptsFolder: options.transcriptsFolder,
        emit: options.emit,
      }),
    };
    parts.set(teammate, made);
    // Whatever it still holds when it stops goes back to the board (the session awaits it at close).
    const release = teammate.done.then(() => releaseHeldTasks(options.tasks(), teammate.name, options.emit));
    options.track?.(release.catch(() => undefined));
    return made;
  };
  return {
    sections: [teammateAutonomySection(seconds(pollMs), seconds(timeoutMs))],
    tools: (teammate, team) => [
      createClaimTaskTool({ teammate, team, tasks: options.tasks, emit: options.emit }),
      partsOf(teammate).idle.tool,
      partsOf(teammate).compaction.tool,
    ],
    hooks: (teammate: Teammate, team: Team): AgentHooks[] => [
      createTaskOwnershipHook(teammate.name, options.tasks),
      createRosterTaskHook(team, teammate, options.emit),
      ...partsOf(teammate).compaction.hooks,
      partsOf(teammate).idle.hooks,
    ],
    idle: createIdlePolicy({
      tasks: options.tasks,
      clock: options.clock,
      pollMs,
      timeoutMs,
      emit: options.emit,
    }),
  };
}
