// `pnpm --filter s16 start`: the only file of the chapter that touches the real process (no key: the demo).
// When the REPL ends, every teammate is asked to shut down (a few seconds), then stopped.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS16Chapter } from "./agent.ts";
import { createS16Scenario, s16DemoOptions } from "./scenario.ts";

const chapter = createS16Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS16Scenario(),
  demoChapter: createS16Chapter(s16DemoOptions()),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
