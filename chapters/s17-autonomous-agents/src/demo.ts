// `pnpm --filter s17 demo`: the chapter's real agent against the offline fake API: a board of three tasks
// worked by two autonomous teammates (each claims what its role allows while idle), then shut down through
// the handshake. Idle teammates poll on a clock that runs 5× fast.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS17Chapter } from "./agent.ts";
import { createS17Scenario, s17DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS17Chapter(s17DemoOptions()), createS17Scenario(), processIo());
