// `pnpm --filter s01 demo`: the chapter's real agent against the offline fake API.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { s01Chapter } from "./agent.ts";
import { s01Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s01Chapter, s01Scenario, processIo());
