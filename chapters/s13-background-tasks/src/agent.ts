// The s13 chapter (background tasks) on s12's setup. SKELETON: the chapter's helper fills it in.
import type { SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createTaskSetup, type TaskSetup, type TaskSetupOptions } from "@lcc/s12";

export interface BackgroundSetupOptions extends TaskSetupOptions {}

export interface BackgroundSetup extends TaskSetup {}

/** s12's setup plus background tasks. */
export async function createBackgroundSetup(
  context: SetupContext,
  options: BackgroundSetupOptions = {},
): Promise<BackgroundSetup> {
  return createTaskSetup(context, options);
}

export function createS13Chapter(options: BackgroundSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s13", title: "background tasks" }, (context) =>
    createBackgroundSetup(context, options),
  );
}
