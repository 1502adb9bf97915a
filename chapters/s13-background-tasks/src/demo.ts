// `pnpm --filter s13 demo`: the chapter's real agent against the offline fake API: a build started in
// the background, its result arriving at the idle prompt about a second later, then /bg.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS13Chapter } from "./agent.ts";
import { createS13Scenario, s13DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS13Chapter(s13DemoOptions), createS13Scenario(), processIo());
