// `pnpm --filter s04 demo`: the chapter's real agent against the offline fake API.
import { runChapterDemo } from "@lcc/s01";
import { s04Chapter } from "./agent.ts";
import { s04Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s04Chapter, s04Scenario, {
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
