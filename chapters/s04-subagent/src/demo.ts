// `pnpm --filter s04 demo`: the chapter's real agent against the offline fake API.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { s04Chapter } from "./agent.ts";
import { s04Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s04Chapter, s04Scenario, processIo());
