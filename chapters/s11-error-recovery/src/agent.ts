// The s11 chapter (error recovery) on s10's setup. SKELETON: the helper building s11 replaces this body;
// the exported names and signatures stay (the next chapter builds on them).
import type { SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createPromptSetup, type PromptSetup, type PromptSetupOptions } from "@lcc/s10";

export interface RecoverySetupOptions extends PromptSetupOptions {}

export interface RecoverySetup extends PromptSetup {}

/** s10's setup plus what s11 adds. */
export async function createRecoverySetup(
  context: SetupContext,
  options: RecoverySetupOptions = {},
): Promise<RecoverySetup> {
  return createPromptSetup(context, options);
}

export function createS11Chapter(options: RecoverySetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s11", title: "error recovery" }, (context) =>
    createRecoverySetup(context, options),
  );
}
