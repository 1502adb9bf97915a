// `pnpm --filter s06 demo`: the chapter's real agent against the offline fake API, with a tiny threshold.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS06Chapter } from "./agent.ts";
import { createS06Scenario, s06DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS06Chapter(s06DemoOptions), createS06Scenario(), processIo());
