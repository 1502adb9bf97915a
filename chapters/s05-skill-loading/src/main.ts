// `pnpm --filter s05 start`: the only file of the chapter that touches the real process (no key: the demo).
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s05Chapter } from "./agent.ts";
import { s05Scenario } from "./scenario.ts";

process.exitCode = await runChapterMain(s05Chapter, processIo(), { scenario: s05Scenario });
