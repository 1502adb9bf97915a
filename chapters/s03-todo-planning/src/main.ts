// `pnpm --filter s03 start`: the only file of the chapter that touches the real process (no key: the demo).
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s03Chapter } from "./agent.ts";
import { s03Scenario } from "./scenario.ts";

process.exitCode = await runChapterMain(s03Chapter, processIo(), { scenario: s03Scenario });
