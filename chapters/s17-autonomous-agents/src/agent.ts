// The s17 chapter (autonomous agents) on s16's setup: every teammate gets s17's extension (idle polling and
// claiming, claim_task, idle, its own compaction with its identity re-injected), and the lead a section.
import { join } from "node:path";
import { extendSetup, type SetupContext } from "@lcc/s02";
import { ensureLccHome } from "@lcc/s04";
import type { CompactOptions } from "@lcc/s06";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import type { TaskStore } from "@lcc/s12";
import { type CronClock, realClock } from "@lcc/s14";
import { colorWanted } from "@lcc/s15";
import { createProtocolSetup, type ProtocolSetup, type ProtocolSetupOptions } from "@lcc/s16";
import { createAutonomyExtension } from "./autonomy-extension.ts";
import { createAutonomyRenderer } from "./autonomy-renderer.ts";
import { leadAutonomySection } from "./autonomy-sections.ts";
import { DEFAULT_IDLE_POLL_MS, DEFAULT_IDLE_TIMEOUT_MS } from "./idle-policy.ts";

export interface AutonomySetupOptions extends ProtocolSetupOptions {
  /** Milliseconds between an idle teammate's looks at the board (default 5000). */
  idlePollMs?: number;
  /** Milliseconds an idle teammate waits for a message or a task before it shuts down (default 60000). */
  idleTimeoutMs?: number;
  /** The clock idle teammates poll on (tests: a manual one). Default: teamClock, cronClock, else the real clock. */
  idleClock?: CronClock;
  /** Teammates' compaction options (default: the lead's, `permissions.compact`). */
  teammateCompaction?: Partial<CompactOptions>;
}

export type AutonomySetup = ProtocolSetup;

/**
 * s16's setup with autonomous teammates: s17's extension joins `teammateExtensions` after s16's own and
 * before a later chapter's (the last idle policy wins). The board is this session's s12 store; tasks that
 * stopped teammates give back are written before the session closes.
 */
export async function createAutonomySetup(
  context: SetupContext,
  options: AutonomySetupOptions = {},
): Promise<AutonomySetup> {
  let board: TaskStore | undefined;
  // Registered before s15's team closer, so it runs after it: once every teammate has stopped, the tasks
  // they gave back are written before the session is gone.
  const background = context.session?.keep("s17:background", () => {
    const pending = new Set<Promise<unknown>>();
    context.session?.onClose(async () => {
      await Promise.all(pending);
    });
    return pending;
  });
  const pollMs = options.idlePollMs ?? DEFAULT_IDLE_POLL_MS;
  const timeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const autonomy = createAutonomyExtension({
    tasks: () => {
      if (!board) throw new Error("the task board is not ready yet (the setup is still being built)");
      return board;
    },
    clock: options.idleClock ?? options.teamClock ?? options.cronClock ?? realClock,
    pollMs,
    timeoutMs,
    compact: options.teammateCompaction ?? options.permissions?.compact ?? {},
    transcriptsFolder: async () =>
      join(await ensureLccHome(context.workspace, context.env ?? {}), "transcripts"),
    emit: context.emit,
    track: (work) => {
      background?.add(work);
      void work.finally(() => background?.delete(work));
    },
  });
  const setup = await createProtocolSetup(context, {
    ...options,
    teammateExtensions: [autonomy, ...(options.teammateExtensions ?? [])],
  });
  board = setup.tasks;
  const extended = extendSetup(setup, {
    systemSections: [leadAutonomySection(Math.round(timeoutMs / 1000))],
    renderers: [createAutonomyRenderer({ color: options.teamColor ?? colorWanted(context) })],
  });
  return { ...extended, team: setup.team, requests: setup.requests, protocol: setup.protocol };
}

export function createS17Chapter(options: AutonomySetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s17", title: "autonomous agents" }, (context) =>
    createAutonomySetup(context, options),
  );
}
