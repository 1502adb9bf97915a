// `pnpm --filter s01 start`: the only file of the chapter that touches the real process.
import { s01Chapter } from "./agent.ts";
import { processIo, runChapterMain } from "./chapter-cli.ts";

process.exitCode = await runChapterMain(s01Chapter, processIo());
