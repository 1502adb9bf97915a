// `pnpm --filter s15 start`: the only file of the chapter that touches the real process (no key: the demo).
// When the REPL ends, the session closes: every teammate of this process is stopped.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS15Chapter } from "./agent.ts";
import { createS15Scenario, s15DemoOptions } from "./scenario.ts";

const chapter = createS15Chapter(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {});
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS15Scenario(),
  demoChapter: createS15Chapter(s15DemoOptions()),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
