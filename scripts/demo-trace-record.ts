// Records chapter demos' traces the way a reader would (`LCC_TRACE=… pnpm --filter sNN demo`), several demos per
// node process, then makes them fit to publish: machine-specific paths, the fake API's port and the process id
// are replaced by fixed names.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { DemoRun, DemoRunResult } from "./demo-trace-child.ts";

/** The child's result-line prefix (scripts/demo-trace-child.ts; not imported from it, which would run it). */
const RESULT_PREFIX = "demo-trace-result ";

const execFileAsync = promisify(execFile);

/** The repository root (scripts/ is one level down). */
export const REPO_ROOT = join(import.meta.dirname, "..");

/** A chapter whose demo is traced: `s04` and its folder `s04-subagent`. */
export interface ChapterDemo {
  id: string;
  folder: string;
}

/** What stands in for each machine-specific value in a published trace. */
export const PUBLISHED_NAMES = {
  workspace: "/tmp/demo-workspace",
  home: "/home/reader",
  repo: "/learn-claude-code-ts",
  api: "http://127.0.0.1:8787",
} as const;

/** The published trace of one demo, or why there is none. */
export type RecordedDemo = { demo: ChapterDemo; trace: string } | { demo: ChapterDemo; error: Error };

/**
 * Plays `demos` one after another in ONE child node process (scripts/demo-trace-child.ts: each demo's
 * src/demo.ts with its chapter folder as cwd and LCC_TRACE set, as `pnpm --filter sNN demo` runs it; HOME points
 * at a fresh folder, so the reader's own ~/.lcc is never read or written) and returns each demo's published trace,
 * in order. One process loads the SDK and chapter-kit once instead of once per demo. A demo that fails, prints
 * no workspace or writes no trace gets an error with its output; rejects only when the child itself fails.
 */
export async function recordDemoTraces(demos: ChapterDemo[]): Promise<RecordedDemo[]> {
  const scratches = await Promise.all(
    demos.map((demo) => mkdtemp(join(tmpdir(), `lcc-demo-trace-${demo.id}-`))),
  );
  try {
    const runs: DemoRun[] = demos.map((demo, index) => ({
      folder: demo.folder,
      cwd: join(REPO_ROOT, "chapters", demo.folder),
      tracePath: join(scratches[index] ?? "", "trace.jsonl"),
      home: join(scratches[index] ?? "", "home"),
    }));
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const child = join(REPO_ROOT, "scripts", "demo-trace-child.ts");
    const { stdout } = await execFileAsync(
      process.execPath,
      ["--import", tsxLoader, child, JSON.stringify(runs)],
      {
        cwd: REPO_ROOT,
        maxBuffer: 64 * 1024 * 1024,
        // A demo that never ends fails its batch instead of holding the caller (the tests wait for the batch).
        timeout: 150_000,
      },
    ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`demo batch failed: ${error.message}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    });
    const results = stdout
      .split("\n")
      .filter((line) => line.startsWith(RESULT_PREFIX))
      .map((line) => JSON.parse(line.slice(RESULT_PREFIX.length)) as DemoRunResult);
    return await Promise.all(
      demos.map(async (demo, index): Promise<RecordedDemo> => {
        const run = runs[index] as DemoRun;
        const result = results.find((candidate) => candidate.folder === demo.folder);
        try {
          return { demo, trace: await publishedTrace(demo, run, result, scratches[index] ?? "") };
        } catch (error) {
          return { demo, error: error instanceof Error ? error : new Error(String(error)) };
        }
      }),
    );
  } finally {
    await Promise.all(scratches.map((scratch) => rm(scratch, { recursive: true, force: true })));
  }
}

async function publishedTrace(
  demo: ChapterDemo,
  run: DemoRun,
  result: DemoRunResult | undefined,
  scratch: string,
): Promise<string> {
  if (!result) throw new Error(`${demo.id} demo did not run (the batch ended before it)`);
  const printed = `${result.stdout}${result.stderr}`;
  if (result.error !== undefined || result.exitCode !== 0)
    throw new Error(`${demo.id} demo failed (exit ${result.exitCode}): ${result.error ?? ""}\n${printed}`);
  const workspace = /^workspace: (.+)$/m.exec(result.stdout)?.[1];
  if (!workspace) throw new Error(`${demo.id} demo printed no "workspace:" line:\n${printed}`);
  const text = await readFile(run.tracePath, "utf8").catch(() => "");
  if (text.trim() === "") throw new Error(`${demo.id} demo wrote no trace to ${run.tracePath}`);
  return publishTrace(text, { workspace, home: run.home, repo: REPO_ROOT, scratch });
}

/** The machine-specific values of one recorded run. */
export interface RecordedPaths {
  workspace: string;
  home: string;
  repo: string;
  scratch: string;
}

/**
 * The trace with each machine-specific value replaced by its {@link PUBLISHED_NAMES} stand-in: the demo
 * workspace, HOME (also a chapter's fixed demo home), the scratch folder, the repository path, the fake API's
 * origin and the process id.
 * Replaces inside JSON strings, so every line stays valid JSON. Pure.
 */
export function publishTrace(text: string, paths: RecordedPaths): string {
  const replacements: Array<[string, string]> = [
    [paths.workspace, PUBLISHED_NAMES.workspace],
    [paths.home, PUBLISHED_NAMES.home],
    [paths.scratch, `${PUBLISHED_NAMES.home}/scratch`],
    [paths.repo, PUBLISHED_NAMES.repo],
  ];
  return text
    .split("\n")
    .map((line) => {
      if (line.trim() === "") return line;
      let published = line;
      for (const [from, to] of replacements) published = published.split(jsonInner(from)).join(jsonInner(to));
      published = published.replace(/http:\/\/127\.0\.0\.1:\d+/g, PUBLISHED_NAMES.api);
      // Chapters from s09 on give their demo a fixed home of their own (/tmp/lcc-s09-demo-home).
      published = published.split(jsonInner(tmpdir())).join("/tmp");
      published = published.replace(/\/tmp\/lcc-s\d\d-demo-home/g, PUBLISHED_NAMES.home);
      return published.replace(/^(\{"type":"trace_start".*?"pid":)\d+/, "$10");
    })
    .join("\n");
}

/** How `value` appears inside a JSON string literal. */
function jsonInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
