// `pnpm --filter s02 start`: the only file of the chapter that touches the real process (no key: the demo).
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s02Chapter } from "./agent.ts";
import { s02Scenario } from "./scenario.ts";

process.exitCode = await runChapterMain(s02Chapter, processIo(), { scenario: s02Scenario });
