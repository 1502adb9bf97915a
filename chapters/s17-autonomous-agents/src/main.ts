// `pnpm --filter s17 start`: the only file of the chapter that touches the real process (no key: the demo).
// When the REPL ends, every teammate is asked to shut down (a few seconds), then stopped.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS17Chapter } from "./agent.ts";
import { createS17Scenario, s17DemoOptions } from "./scenario.ts";

const chapter = createS17Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS17Scenario(),
  demoChapter: createS17Chapter(s17DemoOptions()),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
