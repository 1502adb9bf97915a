// `pnpm --filter s20 start`: the only file of the chapter that touches the real process (no key: the demo).
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS20Chapter } from "./agent.ts";
import { createS20Scenario, s20DemoOptions } from "./scenario.ts";

const chapter = createS20Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS20Scenario(),
  demoChapter: createS20Chapter(s20DemoOptions()),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
