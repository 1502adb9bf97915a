// The s09 chapter (memory system) on s08's setup. SKELETON: the helper building s09 replaces this body;
// the exported names and signatures stay (the next chapter builds on them).
import type { SetupContext } from "@lcc/s02";
import {
  createHookedChapter,
  createHookSetup,
  type HookSetup,
  type HookSetupOptions,
  type S08Chapter,
} from "@lcc/s08";

export interface MemorySetupOptions extends HookSetupOptions {}

export interface MemorySetup extends HookSetup {}

/** s08's setup plus what s09 adds. */
export async function createMemorySetup(
  context: SetupContext,
  options: MemorySetupOptions = {},
): Promise<MemorySetup> {
  return createHookSetup(context, options);
}

export function createS09Chapter(options: MemorySetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s09", title: "memory system" }, (context) =>
    createMemorySetup(context, options),
  );
}
