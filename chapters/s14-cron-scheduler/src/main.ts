// `pnpm --filter s14 start`: the only file of the chapter that touches the real process (no key: the demo).
// The scheduler stops when the REPL ends; durable jobs wait in .lcc/cron.json for the next session.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS14Chapter } from "./agent.ts";
import { createS14Scenario, s14DemoOptions } from "./scenario.ts";

const chapter = createS14Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS14Scenario(),
  demoChapter: createS14Chapter(s14DemoOptions()),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
