// `pnpm --filter s06 start`: the only file of the chapter that touches the real process.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS06Chapter } from "./agent.ts";
import { compactOptionsFromEnv } from "./compact-options.ts";

process.exitCode = await runChapterMain(createS06Chapter(compactOptionsFromEnv(process.env)), processIo());
