// `pnpm --filter s11 demo`: the chapter's real agent against the offline fake API, which is overloaded
// twice. The waits are the real policy's (about 1 s, then 2 s).
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS11Chapter } from "./agent.ts";
import { createS11Scenario, s11DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS11Chapter(s11DemoOptions), createS11Scenario(), processIo());
