// `pnpm --filter s05 start`: the only file of the chapter that touches the real process.
import { runChapterMain } from "@lcc/s01";
import { s05Chapter } from "./agent.ts";

process.exitCode = await runChapterMain(s05Chapter, {
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  sigintSource: process,
});
