// The `lcc` CLI as the bench runs it: find (and build) the entry, then run it once against a fake
// Messages API with a hermetic environment, recording when each request arrived.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createTempWorkspace,
  type FakeReply,
  hermeticEnv,
  type RecordedRequest,
  startFakeApi,
} from "@lcc/testkit";

const repositoryRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const fullDir = join(repositoryRoot, "full");

/** What the bench runs: `node <entry>`, and how the entry was chosen (printed in the report). */
export interface LccEntry {
  entry: string;
  /** Node flags the entry's shebang asks for. */
  nodeFlags: string[];
  description: string;
  /** Extra flags every headless run passes (e.g. a permission mode, when the CLI has one). */
  headlessArgs: string[];
}

interface FullPackage {
  bin?: string | Record<string, string>;
  scripts?: Record<string, string>;
}

/**
 * Builds full when it has a `build` script and returns the bundle (`dist/lcc.mjs`); without a
 * build script, or when the build fails, returns the package's `bin` (which may run through tsx).
 * Throws when full has no package.json or no entry at all.
 */
export function prepareLccEntry(): LccEntry {
  const packagePath = join(fullDir, "package.json");
  if (!existsSync(packagePath)) throw new Error("full/package.json does not exist yet: nothing to measure.");
  const manifest = JSON.parse(readFileSync(packagePath, "utf8")) as FullPackage;
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.lcc;
  const bundle = join(fullDir, "dist", "lcc.mjs");
  let buildProblem = "full has no build script";
  if (manifest.scripts?.build) {
    const build = spawnSync("pnpm", ["run", "--silent", "build"], {
      cwd: fullDir,
      encoding: "utf8",
      timeout: 180_000,
    });
    // Measure what a user runs: the bin launcher (its freshness check included), which runs the bundle.
    if (build.status === 0 && existsSync(bundle) && bin)
      return describe(
        join(fullDir, bin),
        "the bin launcher, running the bundle built just now by `pnpm --filter @lcc/full build`",
      );
    buildProblem = `the build failed: ${(build.stderr || build.stdout || String(build.error)).trim().split("\n")[0]}`;
  }
  if (!bin) throw new Error(`full/package.json has no bin for lcc and ${buildProblem}.`);
  return describe(
    join(fullDir, bin),
    `the package bin, because ${buildProblem} (may run the sources through tsx)`,
  );
}

/** The node flags of the entry's `#!/usr/bin/env -S node …` line, so the bench runs it as the shell would. */
function shebangFlags(entry: string): string[] {
  const first = readFileSync(entry, "utf8").split("\n", 1)[0] ?? "";
  const match = /^#!\/usr\/bin\/env -S node\s+(.*)$/.exec(first);
  return match?.[1]?.split(/\s+/).filter(Boolean) ?? [];
}

function describe(entry: string, how: string): LccEntry {
  const help = spawnSync(process.execPath, [entry, "--help"], { encoding: "utf8", timeout: 30_000 });
  const headlessArgs = help.stdout?.includes("--permission-mode")
    ? ["--permission-mode", "bypassPermissions"]
    : [];
  const nodeFlags = shebangFlags(entry);
  const flags = nodeFlags.length > 0 ? ` with node ${nodeFlags.join(" ")}` : "";
  return {
    entry,
    nodeFlags,
    description: `${relative(repositoryRoot, entry)}${flags} (${how})`,
    headlessArgs,
  };
}

/** One run of the CLI: its arguments, the fake model's replies, and an optional wrapper (`/usr/bin/time`). */
export interface CliRunOptions {
  args: string[];
  /** The reply to request `index` (0-based); `pid` is the CLI's (or the wrapper's) process id. */
  answer(index: number, pid: number): FakeReply;
  /** Runs `[...wrapper, node, entry, ...args]` instead of `node entry ...args`. */
  wrapper?: string[];
  timeoutMs?: number;
  /** Extra environment variables for this run. */
  env?: Record<string, string>;
  /** Files written into the run's temp HOME first, by relative path (`.claude/settings.json`). */
  homeFiles?: Record<string, string>;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From spawn to exit, milliseconds. */
  wallMs: number;
  /** When each /v1/messages request reached the fake, in ms after spawn. */
  requestTimes: number[];
  requests: RecordedRequest[];
}

/**
 * Starts a fake API and a temp workspace, runs the CLI in it with a hermetic environment (no
 * inherited ANTHROPIC_*, a temp HOME, NO_COLOR), and removes both afterwards. Rejects on timeout.
 */
export async function runCliOnce(lcc: LccEntry, options: CliRunOptions): Promise<CliRun> {
  const requestTimes: number[] = [];
  let pid = 0;
  let startedAt = 0;
  const fake = await startFakeApi({
    script: (_request, index) => {
      requestTimes.push(performance.now() - startedAt);
      return options.answer(index, pid);
    },
  });
  const workspace = await createTempWorkspace({ files: { "README.md": "# bench workspace\n" }, git: true });
  const home = await mkdtemp(join(tmpdir(), "lcc-bench-home-"));
  try {
    for (const [path, content] of Object.entries(options.homeFiles ?? {})) {
      await mkdir(dirname(join(home, path)), { recursive: true });
      await writeFile(join(home, path), content);
    }
    const command = options.wrapper ? [...options.wrapper, process.execPath] : [process.execPath];
    const argv = [...command.slice(1), ...lcc.nodeFlags, lcc.entry, ...options.args];
    startedAt = performance.now();
    const child = spawn(command[0]!, argv, {
      cwd: workspace.dir,
      env: { ...benchEnv(fake.baseURL, home), ...options.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    pid = child.pid ?? 0;
    const finished = await collect(child, options.timeoutMs ?? 120_000);
    return {
      ...finished,
      wallMs: finished.endedAt - startedAt,
      requestTimes,
      requests: fake.messageRequests(),
    };
  } finally {
    await fake.close();
    await workspace.cleanup();
    await rm(home, { recursive: true, force: true });
  }
}

/** Waits for lcc to exit, keeping its output; kills its process group after `timeoutMs`. */
export function collect(child: ReturnType<typeof spawn>, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; endedAt: number }>(
    (resolve, reject) => {
      let stdout = "";
      let stderr = "";
      child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
      });
      child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
      });
      const timer = setTimeout(() => {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
        reject(new Error(`lcc did not finish within ${timeoutMs} ms\n${stderr.slice(-2000)}`));
      }, timeoutMs);
      child.once("error", reject);
      child.once("close", (code) => {
        const endedAt = performance.now();
        clearTimeout(timer);
        resolve({ code, stdout, stderr, endedAt });
      });
    },
  );
}

function benchEnv(baseURL: string, home: string): Record<string, string> {
  const { NODE_OPTIONS: _options, ...env } = hermeticEnv();
  return { ...env, ANTHROPIC_BASE_URL: baseURL, ANTHROPIC_API_KEY: "bench-key", NO_COLOR: "1", HOME: home };
}
