// Child process of recordDemoTraces: plays several chapter demos one after another in THIS node process, each as
// `pnpm --filter sNN demo` would (its src/demo.ts, its folder as cwd, LCC_TRACE and HOME set, no argv), and
// prints one result line per demo on stdout: what the demo printed and its exit code, or why it failed.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** One demo to play (argv[2] is a JSON array of these). */
export interface DemoRun {
  folder: string;
  /** Absolute chapter folder: the demo's cwd. */
  cwd: string;
  tracePath: string;
  home: string;
}

/** What a demo left behind; `error` when it threw. */
export interface DemoRunResult {
  folder: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  error?: string;
}

/** Starts each result line (demo-trace-record.ts has the same); other lines on stdout are not results. */
const RESULT_PREFIX = "demo-trace-result ";

type Write = typeof process.stdout.write;

const realStdoutWrite = process.stdout.write.bind(process.stdout);
const realStderrWrite = process.stderr.write.bind(process.stderr);
const runs = JSON.parse(process.argv[2] ?? "[]") as DemoRun[];
const launcherArgv = process.argv.slice(0, 1);
delete process.env.ANTHROPIC_API_KEY;
delete process.env.INIT_CWD;
process.env.NO_COLOR = "1";
// Every demo adds its own listeners to the one process.stdout; they are many only because demos share it.
process.stdout.setMaxListeners(0);

for (const run of runs) {
  const result: DemoRunResult = { folder: run.folder, stdout: "", stderr: "", exitCode: 0 };
  const capture =
    (key: "stdout" | "stderr"): Write =>
    (chunk: string | Uint8Array, ...rest: unknown[]) => {
      result[key] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
      const callback = rest.find((value) => typeof value === "function") as (() => void) | undefined;
      callback?.();
      return true;
    };
  const demoScript = join(run.cwd, "src", "demo.ts");
  process.chdir(run.cwd);
  process.env.LCC_TRACE = run.tracePath;
  process.env.HOME = run.home;
  process.argv = [...launcherArgv, demoScript];
  process.exitCode = undefined;
  process.stdout.write = capture("stdout");
  process.stderr.write = capture("stderr");
  try {
    await import(pathToFileURL(demoScript).href);
    result.exitCode = Number(process.exitCode ?? 0);
  } catch (error) {
    result.exitCode = 1;
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    process.stdout.write = realStdoutWrite;
    process.stderr.write = realStderrWrite;
  }
  realStdoutWrite(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
// A demo may leave a handle open (a watcher, a timer): the batch is over once every result is printed.
realStdoutWrite("", () => process.exit(0));
