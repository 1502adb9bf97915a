// `pnpm --filter s08 start`: the only file of the chapter that touches the real process (no key: the demo).
// LCC_PROJECT_HOOKS=0 keeps the workspace's own hooks off. SessionEnd hooks run when the REPL ends.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS08Chapter } from "./agent.ts";
import { createS08Scenario, s08DemoOptions } from "./scenario.ts";

const chapter = createS08Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS08Scenario(),
  demoChapter: createS08Chapter(s08DemoOptions),
});
await chapter.end("prompt_input_exit");
