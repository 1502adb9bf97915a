// `pnpm --filter s06 start`: the only file of the chapter that touches the real process.
import { runChapterMain } from "@lcc/s01";
import { createS06Chapter } from "./agent.ts";
import { compactOptionsFromEnv } from "./compact-options.ts";

process.exitCode = await runChapterMain(createS06Chapter(compactOptionsFromEnv(process.env)), {
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  sigintSource: process,
});
