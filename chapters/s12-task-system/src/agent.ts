// The s12 chapter (task system) on s11's setup. SKELETON: the chapter's helper fills it in.
import type { SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createRecoverySetup, type RecoverySetup, type RecoverySetupOptions } from "@lcc/s11";

export interface TaskSetupOptions extends RecoverySetupOptions {}

export interface TaskSetup extends RecoverySetup {}

/** s11's setup plus task system. */
export async function createTaskSetup(
  context: SetupContext,
  options: TaskSetupOptions = {},
): Promise<TaskSetup> {
  return createRecoverySetup(context, options);
}

export function createS12Chapter(options: TaskSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s12", title: "task system" }, (context) =>
    createTaskSetup(context, options),
  );
}
