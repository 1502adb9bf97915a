// `pnpm --filter s10 demo`: the chapter's real agent against the offline fake API: a CLAUDE.md with an
// @import, /prompt, the model following the imported rule, a git-status reminder.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS10Chapter } from "./agent.ts";
import { createS10Scenario, s10DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS10Chapter(s10DemoOptions), createS10Scenario(), processIo());
