// `pnpm --filter s14 demo`: the chapter's real agent against the offline fake API, on a clock that starts
// Monday 08:59 and runs 60× fast, so the 09:00 job fires at the idle prompt a second later.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS14Chapter } from "./agent.ts";
import { createS14Scenario, s14DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS14Chapter(s14DemoOptions()), createS14Scenario(), processIo());
