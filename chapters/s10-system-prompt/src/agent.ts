// The s10 chapter (system prompt) on s09's setup. SKELETON: the helper building s10 replaces this body;
// the exported names and signatures stay (the next chapter builds on them).
import type { SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createMemorySetup, type MemorySetup, type MemorySetupOptions } from "@lcc/s09";

export interface PromptSetupOptions extends MemorySetupOptions {}

export interface PromptSetup extends MemorySetup {}

/** s09's setup plus what s10 adds. */
export async function createPromptSetup(
  context: SetupContext,
  options: PromptSetupOptions = {},
): Promise<PromptSetup> {
  return createMemorySetup(context, options);
}

export function createS10Chapter(options: PromptSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s10", title: "system prompt" }, (context) =>
    createPromptSetup(context, options),
  );
}
