// `pnpm --filter s08 demo`: the chapter's real agent against the offline fake API, with the demo's hooks.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS08Chapter } from "./agent.ts";
import { createS08Scenario, s08DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS08Chapter(s08DemoOptions), createS08Scenario(), processIo());
