// The s14 chapter (cron scheduler) on s13's setup: one scheduler per session (kept across /clear,
// stopped when the session closes), three tools, /cron, the `schedule` section and the fire line.
import { homedir } from "node:os";
import { type AgentHooks, extendSetup, type SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { type BackgroundSetup, type BackgroundSetupOptions, createBackgroundSetup } from "@lcc/s13";
import { type CronClock, realClock } from "./cron-clock.ts";
import { createCronCommand } from "./cron-command.ts";
import { createCronFile } from "./cron-file.ts";
import { createCronLedger } from "./cron-ledger.ts";
import { renderCronEvents } from "./cron-renderer.ts";
import { type CronScheduler, createCronScheduler } from "./cron-scheduler.ts";
import { SCHEDULE_SECTION } from "./schedule-section.ts";
import { createCronCreateTool } from "./tools/cron-create.ts";
import { createCronDeleteTool } from "./tools/cron-delete.ts";
import { createCronListTool } from "./tools/cron-list.ts";

export interface CronSetupOptions extends BackgroundSetupOptions {
  /** The scheduler's clock: tests pass a manual one, the demo a fast one. Default: the real clock. */
  cronClock?: CronClock;
  /** Job ids (tests); default 8 random hex digits. */
  newCronJobId?: () => string;
  /** false: jobs are listed and saved but never fire in this session (lcc -p). Default true. */
  cronFires?: boolean;
}

export interface CronSetup extends BackgroundSetup {
  /** This session's scheduler (lcc's /cron and the tests read `list()`). */
  cron: CronScheduler;
}

/**
 * s13's setup plus the scheduler. Its hook comes FIRST so it runs in the same tick as the queue's drain:
 * at a run's first model call every between-turn message was just delivered, so jobs may fire again.
 */
export async function createCronSetup(
  context: SetupContext,
  options: CronSetupOptions = {},
): Promise<CronSetup> {
  const setup = await createBackgroundSetup(context, options);
  const cron = context.session
    ? context.session.keep("s14:cron", () => startScheduler(context, options))
    : startScheduler(context, options);
  await cron.start();
  const delivery: AgentHooks = {
    transformContext(messages, hookContext) {
      if (hookContext.turn === 1) cron.delivered();
      return messages;
    },
  };
  const extended = extendSetup(setup, {
    systemSections: [SCHEDULE_SECTION],
    tools: [createCronCreateTool(cron), createCronListTool(cron), createCronDeleteTool(cron)],
    commands: [createCronCommand(cron)],
    renderers: [renderCronEvents],
  });
  return { ...extended, hooks: [delivery, ...extended.hooks], cron };
}

/** A scheduler on the session's queue, stopped when the session closes (its timer never holds the process). */
function startScheduler(context: SetupContext, options: CronSetupOptions): CronScheduler {
  const scheduler = createCronScheduler({
    clock: options.cronClock ?? realClock,
    queue: context.queue,
    emit: context.emit,
    file: createCronFile(context.workspace, context.env),
    // The user's own record of the durable jobs they created: a job a repository ships never fires.
    ledger: createCronLedger(options.home ?? context.env?.HOME ?? homedir(), context.workspace),
    ...(options.newCronJobId ? { newId: options.newCronJobId } : {}),
    ...(options.cronFires === false ? { fires: false } : {}),
  });
  context.session?.onClose(() => scheduler.stop());
  return scheduler;
}

export function createS14Chapter(options: CronSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s14", title: "cron scheduler" }, (context) =>
    createCronSetup(context, options),
  );
}
