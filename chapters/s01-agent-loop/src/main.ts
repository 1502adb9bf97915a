// `pnpm --filter s01 start`: the only file of the chapter that touches the real process.
import { s01Chapter } from "./agent.ts";
import { runChapterMain } from "./chapter-cli.ts";

process.exitCode = await runChapterMain(s01Chapter, {
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  sigintSource: process,
});
