// `pnpm --filter s10 start`: the only file of the chapter that touches the real process (no key: the demo).
// LCC_PROJECT_HOOKS=0 keeps the workspace's own hooks off. SessionEnd hooks run when the REPL ends.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS10Chapter } from "./agent.ts";
import { createS10Scenario, s10DemoOptions } from "./scenario.ts";

const chapter = createS10Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS10Scenario(),
  demoChapter: createS10Chapter(s10DemoOptions),
});
await chapter.end("prompt_input_exit");
