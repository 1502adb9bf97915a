// `pnpm --filter s02 demo`: the chapter's real agent against the offline fake API.
import { runChapterDemo } from "@lcc/s01";
import { s02Chapter } from "./agent.ts";
import { s02Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s02Chapter, s02Scenario, {
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
