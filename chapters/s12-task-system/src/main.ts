// `pnpm --filter s12 start`: the only file of the chapter that touches the real process (no key: the demo).
// Tasks live in <workspace>/.lcc/tasks (or $LCC_HOME/tasks). SessionEnd hooks run when the REPL ends.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS12Chapter } from "./agent.ts";
import { createS12Scenario, s12DemoOptions } from "./scenario.ts";

const fallbackModel = process.env.LCC_FALLBACK_MODEL?.trim();
const chapter = createS12Chapter({
  ...(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {}),
  ...(fallbackModel ? { fallbackModel } : {}),
});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS12Scenario(),
  demoChapter: createS12Chapter(s12DemoOptions),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
