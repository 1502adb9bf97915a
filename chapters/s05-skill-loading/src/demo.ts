// `pnpm --filter s05 demo`: the chapter's real agent against the offline fake API.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { s05Chapter } from "./agent.ts";
import { s05Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s05Chapter, s05Scenario, processIo());
