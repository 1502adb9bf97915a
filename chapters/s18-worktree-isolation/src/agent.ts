// The s18 chapter (worktree isolation) on s17's setup: the session's lanes over its s12 task board, the
// worktree_* tools, /worktrees, and spawn_teammate's `worktree` field that makes a lane a teammate's workspace.
import { extendSetup, type SetupContext } from "@lcc/s02";
import { FULL_OUTPUT_MAX_CHARS, resolveCompactOptions } from "@lcc/s06";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import type { Team } from "@lcc/s15";
import { type AutonomySetup, type AutonomySetupOptions, createAutonomySetup } from "@lcc/s17";
import { createLanePlace } from "./lane-place.ts";
import { laneUsers } from "./lane-users.ts";
import { createWorktreeTools } from "./tools/index.ts";
import { createWorktreeManager, type WorktreeManager } from "./worktree-manager.ts";
import { renderWorktreeEvents } from "./worktree-renderer.ts";
import { TEAMMATE_LANE_SECTION, WORKTREE_SECTION, WORKTREE_TEAM_SECTION } from "./worktree-section.ts";
import { createWorktreesCommand } from "./worktrees-command.ts";

export interface WorktreeSetupOptions extends AutonomySetupOptions {
  /** Longest one git command of the lane manager may run (default 120 s). */
  gitTimeoutMs?: number;
  /** How long a lane change waits for another process holding the lanes lock (default 10 s). */
  laneLockWaitMs?: number;
}

export interface WorktreeSetup extends AutonomySetup {
  /** This session's lanes (lcc's /worktrees and the tests read it). */
  worktrees: WorktreeManager;
}

/**
 * s17's setup plus lanes: a manager of `<lcc home>/worktrees` bound to the session's task board (a lane made
 * for a task moves it to in_progress), the seven worktree_* tools (create, keep and remove are the lead's
 * alone), /worktrees, the renderer and the sections. spawn_teammate takes `worktree: <active lane>`: the
 * teammate's loop runs with the lane as its workspace. worktree_remove refuses a lane a teammate works in.
 */
export async function createWorktreeSetup(
  context: SetupContext,
  options: WorktreeSetupOptions = {},
): Promise<WorktreeSetup> {
  let manager: WorktreeManager | undefined;
  let team: Team | undefined;
  const ready = <Value>(value: Value | undefined): Value => {
    if (value === undefined) throw new Error("the lanes are not ready yet (the setup is still being built)");
    return value;
  };
  const users = (path: string) => laneUsers(ready(team), path);
  const setup = await createAutonomySetup(context, {
    ...options,
    spawnPlace: createLanePlace({ manager: () => ready(manager), users }),
    teammateExtensions: [{ sections: [TEAMMATE_LANE_SECTION] }, ...(options.teammateExtensions ?? [])],
  });
  team = setup.team;
  const worktrees = createWorktreeManager({
    workspace: context.workspace,
    env: context.env ?? {},
    tasks: setup.tasks,
    ...(options.gitTimeoutMs === undefined ? {} : { gitTimeoutMs: options.gitTimeoutMs }),
    ...(options.laneLockWaitMs === undefined ? {} : { lockWaitMs: options.laneLockWaitMs }),
  });
  manager = worktrees;
  // worktree_run keeps and saves long output exactly as s06 configures bash.
  const { largeOutputChars } = resolveCompactOptions(options.permissions?.compact ?? {});
  const extended = extendSetup(setup, {
    systemSections: [WORKTREE_SECTION, WORKTREE_TEAM_SECTION],
    tools: createWorktreeTools(worktrees, {
      largeOutputs: { savedOverChars: largeOutputChars, keepChars: FULL_OUTPUT_MAX_CHARS },
      laneUsers: users,
    }),
    commands: [createWorktreesCommand(worktrees)],
    renderers: [renderWorktreeEvents],
  });
  return { ...extended, worktrees };
}

/** The s18 chapter: s17's team with worktree lanes (`pnpm --filter s18 start`, the demo, the scenario test). */
export function createS18Chapter(options: WorktreeSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s18", title: "worktree isolation" }, (context) =>
    createWorktreeSetup(context, options),
  );
}
