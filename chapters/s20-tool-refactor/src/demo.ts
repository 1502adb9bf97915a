// `pnpm --filter s20 demo`: the chapter's real agent against the offline fake API on a small project: five
// reads of one round run together, an edit runs alone after them, a deferred tool is found and called.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS20Chapter } from "./agent.ts";
import { createS20Scenario, s20DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS20Chapter(s20DemoOptions()), createS20Scenario(), processIo());
