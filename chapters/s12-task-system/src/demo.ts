// `pnpm --filter s12 demo`: the chapter's real agent against the offline fake API, building and working a
// small task graph in a temp workspace (--keep keeps it, .lcc/tasks included).
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS12Chapter } from "./agent.ts";
import { createS12Scenario, s12DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS12Chapter(s12DemoOptions), createS12Scenario(), processIo());
