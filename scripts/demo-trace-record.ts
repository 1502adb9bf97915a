// Records one chapter demo's trace the way a reader would (`LCC_TRACE=… pnpm --filter sNN demo`), then makes it
// fit to publish: machine-specific paths, the fake API's port and the process id are replaced by fixed names.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

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

/**
 * Runs the chapter's demo script in a child process with LCC_TRACE set (HOME points at a fresh folder, so the
 * reader's own ~/.lcc is never read or written) and returns the published trace text. Throws with the demo's
 * output when it fails or writes no trace.
 */
export async function recordDemoTrace(demo: ChapterDemo): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), `lcc-demo-trace-${demo.id}-`));
  const tracePath = join(scratch, "trace.jsonl");
  const home = join(scratch, "home");
  try {
    // `tsx src/demo.ts` as one node process (the tsx CLI would start a shell shim and a second node).
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const cwd = join(REPO_ROOT, "chapters", demo.folder);
    const env: NodeJS.ProcessEnv = { ...process.env, LCC_TRACE: tracePath, HOME: home, NO_COLOR: "1" };
    delete env.ANTHROPIC_API_KEY;
    delete env.INIT_CWD;
    const { stdout } = await execFileAsync(process.execPath, ["--import", tsxLoader, "src/demo.ts"], {
      cwd,
      env,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`${demo.id} demo failed: ${error.message}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    });
    const workspace = /^workspace: (.+)$/m.exec(stdout)?.[1];
    if (!workspace) throw new Error(`${demo.id} demo printed no "workspace:" line:\n${stdout}`);
    const text = await readFile(tracePath, "utf8").catch(() => "");
    if (text.trim() === "") throw new Error(`${demo.id} demo wrote no trace to ${tracePath}`);
    return publishTrace(text, { workspace, home, repo: REPO_ROOT, scratch });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
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
