// `pnpm --filter s03 start`: the only file of the chapter that touches the real process.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { s03Chapter } from "./agent.ts";

process.exitCode = await runChapterMain(s03Chapter, processIo());
