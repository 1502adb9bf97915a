// `pnpm --filter s01 start`: the only file of the chapter that touches the real process (no key: the demo).
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s01Chapter } from "./agent.ts";
import { s01Scenario } from "./scenario.ts";

process.exitCode = await runChapterMain(s01Chapter, processIo(), { scenario: s01Scenario });
