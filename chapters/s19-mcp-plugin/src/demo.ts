// `pnpm --filter s19 demo`: the chapter's real agent against the offline fake API, with the real server-everything
// configured in the temp workspace's .mcp.json; a scripted user answers the questions with yes.
import { processIo, runChapterDemo } from "@lcc/chapter-kit";
import { createS19DemoChapter, createS19Scenario } from "./scenario.ts";

process.exitCode = await runChapterDemo(createS19DemoChapter(), createS19Scenario(), processIo());
