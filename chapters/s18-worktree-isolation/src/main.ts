// `pnpm --filter s18 start`: the only file of the chapter that touches the real process (no key: the demo).
// Teammates are asked to shut down when the REPL ends; lanes stay in .lcc/worktrees for the next session.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS18Chapter } from "./agent.ts";
import { createS18Scenario, s18DemoOptions } from "./scenario.ts";

const chapter = createS18Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS18Scenario(),
  demoChapter: createS18Chapter(s18DemoOptions()),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
