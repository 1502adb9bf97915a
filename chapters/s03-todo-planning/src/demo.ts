// `pnpm --filter s03 demo`: the chapter's real agent against the offline fake API.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { s03Chapter } from "./agent.ts";
import { s03Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s03Chapter, s03Scenario, processIo());
