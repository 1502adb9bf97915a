// `pnpm docs:traces [sNN …]`: records every chapter's demo with tracing on and writes what the chapter docs
// link: docs/traces/<chapter>.jsonl (the published trace) and docs/traces/<chapter>.html (its page).
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseTrace } from "../chapter-kit/src/trace/parse-trace.ts";
import type { TraceRecord } from "../chapter-kit/src/trace/trace-format.ts";
import { type ChapterDemo, REPO_ROOT, recordDemoTraces } from "./demo-trace-record.ts";
import { renderTraceHtml } from "./trace-html/render-trace-html.ts";

/** Where the published traces live, and the docs that link them (docs/en/<chapter>.md → ../traces/…). */
export const TRACES_DIR = join(REPO_ROOT, "docs", "traces");

/** Every chapter with a demo, in chapter order. */
export function chapterDemos(): ChapterDemo[] {
  return readdirSync(join(REPO_ROOT, "chapters"))
    .filter((folder) => /^s\d\d-/.test(folder))
    .sort()
    .map((folder) => ({ id: folder.slice(0, 3), folder }));
}

/** The page title: the chapter doc's heading ("s04 · Subagents"), then "demo session". */
export function demoTitle(demo: ChapterDemo): string {
  const heading =
    readFileSync(join(REPO_ROOT, "docs", "en", `${demo.folder}.md`), "utf8").split("\n")[0] ?? "";
  return `${heading.replace(/^#\s*/, "") || demo.id} — demo session`;
}

/** The HTML page of a published trace. Throws when a line of it is not a record (it was written by this script). */
export function renderDemoPage(demo: ChapterDemo, traceText: string): string {
  const { records, problems } = parseTrace(traceText);
  if (problems.length > 0)
    throw new Error(`${demo.folder}.jsonl line ${problems[0]?.line}: ${problems[0]?.message}`);
  // The demo's saved transcripts were in a temp folder that is gone: the page names them without a link.
  return renderTraceHtml(records, { title: demoTitle(demo), transcriptLinks: () => undefined });
}

/**
 * What must stay the same between two runs of a demo for its published trace to still show it: how many
 * requests, which tools ran (and how many times), and how the model's turns ended. Counts, so the order in
 * which teammates' requests interleave does not matter.
 */
export function traceOutline(records: TraceRecord[]): string[] {
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const record of records) {
    if (record.type === "request") count("request");
    if (record.type === "tool") count(`tool ${record.name}${record.isError ? " (error)" : ""}`);
    if (record.type === "response")
      count(`stop ${record.message?.stop_reason ?? record.error ?? record.status}`);
  }
  return [...counts].map(([key, n]) => `${key} × ${n}`).sort();
}

/**
 * The demos in `count` batches of about equal playing time, for one process each: the demos in chapter order
 * dealt out in turn (later chapters play longer, so each batch gets some of them).
 */
export function demoBatches(demos: ChapterDemo[], count: number): ChapterDemo[][] {
  const batches: ChapterDemo[][] = Array.from({ length: Math.max(1, count) }, () => []);
  for (const [index, demo] of demos.entries()) batches[index % batches.length]?.push(demo);
  return batches.filter((batch) => batch.length > 0);
}

/** Records and writes the pages of `demos`, in two processes playing their demos one after another. */
async function writeDemoTraces(demos: ChapterDemo[], log: (line: string) => void): Promise<number> {
  await mkdir(TRACES_DIR, { recursive: true });
  let failed = 0;
  const record = async (batch: ChapterDemo[]) => {
    for (const recorded of await recordDemoTraces(batch)) {
      const { folder } = recorded.demo;
      if ("error" in recorded) {
        failed++;
        log(`${folder}: ${recorded.error.message}`);
        continue;
      }
      await writeFile(join(TRACES_DIR, `${folder}.jsonl`), recorded.trace);
      await writeFile(join(TRACES_DIR, `${folder}.html`), renderDemoPage(recorded.demo, recorded.trace));
      log(`docs/traces/${folder}.html (${traceOutline(parseTrace(recorded.trace).records).join(", ")})`);
    }
  };
  await Promise.all(demoBatches(demos, 2).map(record));
  return failed;
}

if (process.argv[1] === import.meta.filename) {
  const wanted = process.argv.slice(2);
  const demos = chapterDemos().filter((demo) => wanted.length === 0 || wanted.includes(demo.id));
  if (demos.length === 0) {
    process.stderr.write(`docs:traces: no chapter matches ${wanted.join(" ")}\n`);
    process.exitCode = 2;
  } else {
    const failed = await writeDemoTraces(demos, (line) => process.stdout.write(`${line}\n`));
    if (failed > 0) process.exitCode = 1;
  }
}
