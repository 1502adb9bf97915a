// Runs exercise tests in a vitest child process with a JSON reporter writing to a temp file, and reads the
// per-file results back: which tests passed or failed, and which files failed to load at all.
import { type StdioOptions, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";

export interface TestResult {
  /** Full name: describe titles and the test title. */
  name: string;
  status: "passed" | "failed" | "skipped";
  /** First failure message, when the test failed. */
  failure?: string;
}

export interface TestFileResult {
  /** Absolute path of the test file. */
  file: string;
  /** Set when the file failed as a whole: an import error, a throw at load time, a failing hook. */
  loadError?: string;
  tests: TestResult[];
  /** Wall time the file took (load and tests), in ms; 0 when the report does not say. */
  durationMs: number;
}

export interface VitestRun {
  exitCode: number;
  files: TestFileResult[];
  /** Set when vitest wrote no readable report (it crashed, or the config failed): the output's tail. */
  reportError?: string;
}

export interface VitestOptions {
  /** Working directory of the child (the repository root). */
  cwd: string;
  /** The vitest config file. */
  config: string;
  /** Folders to run; each is passed as an absolute path ending in `/` so `01-x/` never matches `01-xy/`. */
  folders: string[];
  /** Show vitest's own report on this terminal (the learner's run); otherwise vitest's output is kept quiet. */
  echo: boolean;
  /**
   * False runs the test files of a worker in one module graph (`--no-isolate`, as the root config does): each
   * worker imports the chapters once instead of once per file, about 3x faster for --verify. Default: isolated.
   */
  isolate?: boolean;
}

/** The JSON reporter's own notice, noise on the learner's terminal. */
const JSON_REPORT_LINE = /^JSON report written to /;
/** How much of a quiet child's output is kept for error reports. */
const OUTPUT_TAIL = 64 * 1024;

const assertionSchema = z.object({
  fullName: z.string(),
  status: z.string(),
  failureMessages: z.array(z.string()).nullish(),
});
const reportSchema = z.object({
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().nullish(),
      startTime: z.number().nullish(),
      endTime: z.number().nullish(),
      assertionResults: z.array(assertionSchema),
    }),
  ),
});

/** Runs `vitest run` once over `folders`; never throws for failing tests or a crashed vitest (see reportError). */
export async function runVitest(options: VitestOptions): Promise<VitestRun> {
  const tempDir = mkdtempSync(join(tmpdir(), "lcc-exercise-report-"));
  const reportFile = join(tempDir, "report.json");
  const reporters = options.echo ? ["--reporter=default"] : ["--reporter=dot"];
  const args = [
    vitestEntry(),
    "run",
    "--config",
    options.config,
    ...reporters,
    ...(options.isolate === false ? ["--no-isolate"] : []),
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
    ...options.folders.map(asFolderFilter),
  ];
  try {
    const { exitCode, output } = await runChild(args, options.cwd, {
      echo: options.echo,
      hideLine: JSON_REPORT_LINE,
    });
    try {
      const report = reportSchema.parse(JSON.parse(readFileSync(reportFile, "utf8")));
      return { exitCode, files: report.testResults.map(toFileResult) };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
      return { exitCode, files: [], reportError: `no vitest report (${reason})\n${output.slice(-2000)}` };
    }
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Runs vitest in watch mode over one folder with this terminal attached; resolves with its exit code. */
export async function watchVitest(options: Omit<VitestOptions, "echo">): Promise<number> {
  const args = [vitestEntry(), "watch", "--config", options.config, ...options.folders.map(asFolderFilter)];
  const { exitCode } = await runChild(args, options.cwd, { echo: true });
  return exitCode;
}

/** The results of the test files inside `folder` (absolute), in report order. */
export function resultsIn(files: TestFileResult[], folder: string): TestFileResult[] {
  const prefix = asFolderFilter(folder);
  return files.filter((result) => result.file.startsWith(prefix));
}

function toFileResult(file: z.infer<typeof reportSchema>["testResults"][number]): TestFileResult {
  const tests = file.assertionResults.map((assertion): TestResult => {
    const status =
      assertion.status === "passed" || assertion.status === "failed" ? assertion.status : "skipped";
    const failure = assertion.failureMessages?.[0];
    return { name: assertion.fullName, status, ...(failure ? { failure } : {}) };
  });
  const message = file.message ?? "";
  const loadError = file.status === "failed" && message !== "" ? message : undefined;
  const durationMs = file.startTime && file.endTime ? Math.max(0, file.endTime - file.startTime) : 0;
  return { file: file.name, tests, durationMs, ...(loadError ? { loadError } : {}) };
}

function asFolderFilter(folder: string): string {
  return folder.endsWith("/") ? folder : `${folder}/`;
}

function vitestEntry(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
}

export interface ChildOutput {
  /** Copy the child's output to this terminal (otherwise it is only collected). */
  echo: boolean;
  /** With echo: stdout lines matching this are not shown (stdout is then piped; colours kept on a TTY). */
  hideLine?: RegExp;
}

/** Spawns node with `args`; resolves with the exit code and the tail of what it printed (when not inherited). */
export function runChild(
  args: string[],
  cwd: string,
  show: ChildOutput,
): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const filtered = show.echo && show.hideLine !== undefined;
    const stdio: StdioOptions = !show.echo ? "pipe" : filtered ? ["inherit", "pipe", "inherit"] : "inherit";
    const env = filtered && process.stdout.isTTY ? { ...process.env, FORCE_COLOR: "1" } : process.env;
    const child = spawn(process.execPath, args, { cwd, stdio, env });
    child.stdin?.end();
    let output = "";
    let pending = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-OUTPUT_TAIL);
      if (!filtered) return;
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (!show.hideLine?.test(line)) process.stdout.write(`${line}\n`);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-OUTPUT_TAIL);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (filtered && pending !== "" && !show.hideLine?.test(pending)) process.stdout.write(pending);
      resolve({ exitCode: code ?? (signal ? 1 : 0), output });
    });
  });
}
