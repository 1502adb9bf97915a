// `pnpm --filter s11 start`: the only file of the chapter that touches the real process (no key: the demo).
// LCC_FALLBACK_MODEL names a model retries switch to after repeated overloads. SessionEnd hooks run when the REPL ends.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS11Chapter } from "./agent.ts";
import { createS11Scenario, s11DemoOptions } from "./scenario.ts";

const fallbackModel = process.env.LCC_FALLBACK_MODEL?.trim();
const chapter = createS11Chapter({
  ...(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {}),
  ...(fallbackModel ? { fallbackModel } : {}),
});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS11Scenario(),
  demoChapter: createS11Chapter(s11DemoOptions),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
