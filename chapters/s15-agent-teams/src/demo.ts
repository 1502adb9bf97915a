// `pnpm --filter s15 demo`: the chapter's real agent against the offline fake API: two teammates write a
// module and its test at the same time, their reports wake the idle prompt, the lead runs the test.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS15Chapter } from "./agent.ts";
import { createS15Scenario, s15DemoOptions } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS15Chapter(s15DemoOptions()), createS15Scenario(), processIo());
