// `pnpm --filter s07 start [--permission-mode acceptEdits]`: the only file of the chapter that touches the real process.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { compactOptionsFromEnv } from "@lcc/s06";
import { createS07Chapter, permissionModeFromArgv } from "./agent.ts";
import { createS07Scenario } from "./scenario.ts";

const io = processIo();
const mode = permissionModeFromArgv(io.argv);
process.exitCode = await runChapterMain(
  createS07Chapter({ compact: compactOptionsFromEnv(io.env), ...(mode ? { mode } : {}) }),
  io,
  { scenario: createS07Scenario() },
);
