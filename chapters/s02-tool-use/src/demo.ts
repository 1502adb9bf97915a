// `pnpm --filter s02 demo`: the chapter's real agent against the offline fake API.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { s02Chapter } from "./agent.ts";
import { s02Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s02Chapter, s02Scenario, processIo());
