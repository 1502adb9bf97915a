// `pnpm --filter s04 start`: the only file of the chapter that touches the real process.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s04Chapter } from "./agent.ts";

process.exitCode = await runChapterMain(s04Chapter, processIo());
