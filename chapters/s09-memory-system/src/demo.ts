// `pnpm --filter s09 demo`: the chapter's real agent against the offline fake API; its home is a temp folder.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS09Chapter } from "./agent.ts";
import { createS09Scenario, s09DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS09Chapter(s09DemoOptions), createS09Scenario(), processIo());
