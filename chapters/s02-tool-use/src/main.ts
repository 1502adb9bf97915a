// `pnpm --filter s02 start`: the only file of the chapter that touches the real process.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s02Chapter } from "./agent.ts";

process.exitCode = await runChapterMain(s02Chapter, processIo());
