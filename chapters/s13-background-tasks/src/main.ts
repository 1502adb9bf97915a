// `pnpm --filter s13 start`: the only file of the chapter that touches the real process (no key: the demo).
// The REPL's end, Ctrl-D, SIGTERM or SIGHUP close the session: every background command still running is killed.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS13Chapter } from "./agent.ts";
import { createS13Scenario, s13DemoOptions } from "./scenario.ts";

const chapter = createS13Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS13Scenario(),
  demoChapter: createS13Chapter(s13DemoOptions),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
