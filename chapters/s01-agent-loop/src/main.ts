// `pnpm --filter s01 start`: the only file of the chapter that touches the real process.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s01Chapter } from "./agent.ts";

process.exitCode = await runChapterMain(s01Chapter, processIo());
