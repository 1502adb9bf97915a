// The s14 chapter (cron scheduler) on s13's setup. SKELETON: the chapter's helper fills it in.
import type { SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { type BackgroundSetup, type BackgroundSetupOptions, createBackgroundSetup } from "@lcc/s13";

export interface CronSetupOptions extends BackgroundSetupOptions {}

export interface CronSetup extends BackgroundSetup {}

/** s13's setup plus cron scheduler. */
export async function createCronSetup(
  context: SetupContext,
  options: CronSetupOptions = {},
): Promise<CronSetup> {
  return createBackgroundSetup(context, options);
}

export function createS14Chapter(options: CronSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s14", title: "cron scheduler" }, (context) =>
    createCronSetup(context, options),
  );
}
