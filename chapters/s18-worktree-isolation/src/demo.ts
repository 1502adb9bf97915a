// `pnpm --filter s18 demo`: the chapter's real agent against the offline fake API, on a small git repository
// made in a temp folder: a lane for a task, a teammate working and committing in it, the lane removed.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS18Chapter } from "./agent.ts";
import { createS18Scenario, s18DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS18Chapter(s18DemoOptions()), createS18Scenario(), processIo());
