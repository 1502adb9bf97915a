// `pnpm --filter s16 demo`: the chapter's real agent against the offline fake API: a plan rejected with
// feedback, the revised plan approved, the work done, and the teammate shut down through the handshake.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS16Chapter } from "./agent.ts";
import { createS16Scenario, s16DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS16Chapter(s16DemoOptions()), createS16Scenario(), processIo());
