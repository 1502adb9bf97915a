// `pnpm --filter s07 demo`: the chapter's real agent against the offline fake API, with settings files in the workspace.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { s07Chapter } from "./agent.ts";
import { createS07Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(s07Chapter, createS07Scenario(), processIo());
