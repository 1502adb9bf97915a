// `pnpm --filter s04 start`: the only file of the chapter that touches the real process (no key: the demo).
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s04Chapter } from "./agent.ts";
import { s04Scenario } from "./scenario.ts";

process.exitCode = await runChapterMain(s04Chapter, processIo(), { scenario: s04Scenario });
