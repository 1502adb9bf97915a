// `pnpm --filter s06 start`: the only file of the chapter that touches the real process (no key: the demo).
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS06Chapter } from "./agent.ts";
import { compactOptionsFromEnv } from "./compact-options.ts";
import { createS06Scenario, s06DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterMain(createS06Chapter(compactOptionsFromEnv(process.env)), processIo(), {
  scenario: createS06Scenario(),
  demoChapter: createS06Chapter(s06DemoOptions),
});
