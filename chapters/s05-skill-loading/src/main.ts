// `pnpm --filter s05 start`: the only file of the chapter that touches the real process.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s05Chapter } from "./agent.ts";

process.exitCode = await runChapterMain(s05Chapter, processIo());
