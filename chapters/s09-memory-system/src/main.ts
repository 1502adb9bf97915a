// `pnpm --filter s09 start`: the only file of the chapter that touches the real process (no key: the demo).
// LCC_PROJECT_HOOKS=0 keeps the workspace's own hooks off. SessionEnd hooks run when the REPL ends.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS09Chapter } from "./agent.ts";
import { createS09Scenario, s09DemoOptions } from "./scenario.ts";

const chapter = createS09Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS09Scenario(),
  demoChapter: createS09Chapter(s09DemoOptions),
});
await chapter.end("prompt_input_exit");
