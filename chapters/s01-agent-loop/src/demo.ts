// `pnpm --filter s01 demo`: the chapter's real agent against the offline fake API.
import { s01Chapter } from "./agent.ts";
import { runChapterDemo } from "./chapter-cli.ts";
import { s01Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s01Chapter, s01Scenario, {
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
