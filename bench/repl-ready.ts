// `pnpm bench full`, the terminal: how soon `lcc` in a tmux pseudo-terminal draws its prompt and echoes a
// typed key (the TUI, and the line REPL TERM=dumb keeps) beside `node -e 0`, and what the TUI's modules cost.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTempWorkspace, reply, startFakeApi, text } from "@lcc/testkit";
import { createTmuxDriver } from "../full/src/terminal/tmux-driver.ts";
import { nodeWallMs, ratioToFloor } from "./floors.ts";
import type { LccEntry } from "./full-cli.ts";
import { check, median } from "./full-figures.ts";
import type { BenchRow } from "./run.ts";

const READY_RUNS = 7;
/** The target: the prompt drawn and a typed key shown within this many times `node -e 0`. */
const READY_RATIO = 1.5;
const IMPORT_RUNS = 5;
/** How long one start may take before the run counts as failed. */
const READY_TIMEOUT_MS = 15_000;
const distDir = join(dirname(dirname(fileURLToPath(import.meta.url))), "full", "dist");

/** When a started lcc was ready, in ms after the start: its prompt drawn, and a typed key echoed. */
interface ReadyTimes {
  promptMs: number;
  echoMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `file` every 2 ms until `check` holds for what was written after `from`; ms after `since`, or NaN. */
async function waitForOutput(file: string, from: number, check: (text: string) => boolean, since: number) {
  while (performance.now() - since < READY_TIMEOUT_MS) {
    const written = await readFile(file).catch(() => Buffer.alloc(0));
    if (written.length > from && check(written.subarray(from).toString("utf8")))
      return { ms: performance.now() - since, length: written.length };
    await sleep(2);
  }
  return { ms: Number.NaN, length: from };
}

/**
 * Starts lcc `runs` times (after one warm-up), each in a new tmux session with `env`, its output copied to
 * a file by `pipe-pane`: from just before `new-session` to the first "❯" lcc writes (the TUI draws its
 * whole first frame in one write; the line REPL writes its prompt when it reads), then to the echo of an
 * "x" typed at once. The file is read every 2 ms in-process, so the measurement takes no CPU from lcc.
 */
async function timeReady(
  lcc: LccEntry,
  env: Record<string, string>,
  workspace: string,
  runs: number,
): Promise<ReadyTimes[]> {
  const driver = createTmuxDriver(`lcc-bench-${process.pid}`);
  const folder = await mkdtemp(join(tmpdir(), "lcc-bench-pane-"));
  const assignments = Object.entries(env).map(([name, value]) => `${name}='${value}'`);
  const command = `exec env -i ${assignments.join(" ")} '${process.execPath}' ${lcc.nodeFlags.join(" ")} '${lcc.entry}'`;
  driver.tmux("new-session", "-d", "-s", "idle", "sleep 600");
  const times: ReadyTimes[] = [];
  try {
    for (let run = 0; run <= runs; run++) {
      const [session, output] = [`ready${run}`, join(folder, `pane-${run}.out`)];
      const started = performance.now();
      driver.tmux(...["new-session", "-d", "-s", session, "-x", "100", "-y", "30", "-c", workspace, command]);
      driver.tmux("pipe-pane", "-t", session, "-o", `cat > '${output}'`);
      const prompt = await waitForOutput(output, 0, (text) => text.includes("❯"), started);
      driver.keys(session, "-l", "x");
      const echo = await waitForOutput(output, prompt.length, (text) => text.includes("x"), started);
      driver.tmux("kill-session", "-t", session);
      if (run > 0) times.push({ promptMs: prompt.ms, echoMs: echo.ms });
    }
  } finally {
    driver.tmux("kill-server");
    await rm(folder, { recursive: true, force: true });
  }
  return times;
}

/** The chunk files `file` imports statically (`from"./x.mjs"`, `import"./x.mjs"`), transitively. */
async function staticClosure(file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = await readFile(join(distDir, file), "utf8");
  for (const match of source.matchAll(/(?:from|import)\s*"\.\/([^"]+\.mjs)"/g))
    await staticClosure(match[1] as string, seen);
  return seen;
}

/**
 * The TUI in the bundle: bytes of the chunks only run-tui's static imports bring (not reached from any
 * other lazy entry of lcc.mjs), and the ms to import them in a node that has already loaded the line
 * REPL's module (interactive-*.mjs), median of IMPORT_RUNS.
 */
async function tuiLoadCost(): Promise<{ bytes: number; importMs: number }> {
  const entry = await readFile(join(distDir, "lcc.mjs"), "utf8");
  // The chunks this build's entry names: dist/ also keeps earlier builds' chunks for a day.
  const lazy = [...entry.matchAll(/import\("\.\/([^"]+\.mjs)"\)/g)].map((match) => match[1] as string);
  const runTui = lazy.find((file) => file.startsWith("run-tui-"));
  const interactive = lazy.find((file) => file.startsWith("interactive-"));
  if (!runTui || !interactive) return { bytes: Number.NaN, importMs: Number.NaN };
  const others = new Set<string>(["lcc.mjs"]);
  for (const match of entry.matchAll(/import\("\.\/([^"]+\.mjs)"\)/g))
    if (match[1] !== runTui) await staticClosure(match[1] as string, others);
  await staticClosure("lcc.mjs", others);
  const only = [...(await staticClosure(runTui))].filter((file) => !others.has(file));
  let bytes = 0;
  for (const file of only) bytes += (await stat(join(distDir, file))).size;
  const url = (file: string) => JSON.stringify(new URL(`file://${join(distDir, file)}`).href);
  const script =
    `await import(${url(interactive)}); const started = performance.now(); ` +
    `await import(${url(runTui)}); process.stdout.write(String(performance.now() - started));`;
  const times = Array.from({ length: IMPORT_RUNS + 1 }, () => {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    return run.status === 0 ? Number(run.stdout) : Number.NaN;
  });
  return { bytes, importMs: median(times.slice(1)) };
}

/** The "REPL ready" rows: the TUI's prompt and echo, the line REPL's, node -e 0 and the ratio; the TUI's cost. */
export async function measureReplReady(
  lcc: LccEntry,
): Promise<{ rows: BenchRow[]; notes: string[]; problems: string[] }> {
  if (spawnSync("tmux", ["-V"]).status !== 0)
    return { rows: [], notes: ["REPL ready: not measured (no tmux here)."], problems: [] };
  const fake = await startFakeApi({ script: () => reply(text("Hello.")) });
  const workspace = await createTempWorkspace({ files: { "README.md": "# bench\n" }, git: true });
  const home = await mkdtemp(join(tmpdir(), "lcc-bench-home-"));
  try {
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LANG: process.env.LANG ?? "C.UTF-8",
      HOME: home,
      ANTHROPIC_API_KEY: "bench-key",
      ANTHROPIC_BASE_URL: fake.baseURL,
    };
    const tui = await timeReady(lcc, { ...env, TERM: "xterm-256color" }, workspace.dir, READY_RUNS);
    const line = await timeReady(lcc, { ...env, TERM: "dumb" }, workspace.dir, READY_RUNS);
    const nodeMs = nodeWallMs(READY_RUNS);
    const [tuiPrompt, tuiEcho] = [median(tui.map((t) => t.promptMs)), median(tui.map((t) => t.echoMs))];
    const [linePrompt, lineEcho] = [median(line.map((t) => t.promptMs)), median(line.map((t) => t.echoMs))];
    const cost = await tuiLoadCost();
    const failed = [...tui, ...line].filter((t) => !Number.isFinite(t.echoMs)).length;
    return {
      rows: [
        { figure: "REPL ready: start → TUI prompt drawn", value: ratioToFloor(tuiPrompt, nodeMs) },
        {
          figure: "REPL ready: start → typed key shown (TUI)",
          value: ratioToFloor(tuiEcho, nodeMs),
          target: check(tuiEcho / nodeMs, READY_RATIO, `≤ ${READY_RATIO}× node -e 0`),
        },
        {
          figure: "line REPL (TERM=dumb): prompt / key shown",
          value: `${linePrompt.toFixed(0)} / ${lineEcho.toFixed(0)} ms`,
        },
        { figure: "TUI prompt − line REPL prompt", value: `${(tuiPrompt - linePrompt).toFixed(0)} ms` },
        {
          figure: "TUI modules: import / bundle bytes",
          value: `${cost.importMs.toFixed(0)} ms / ${(cost.bytes / 1024).toFixed(0)} KB`,
        },
      ],
      notes: [
        `REPL ready: lcc started ${READY_RUNS} times after a warm-up, each in a new tmux session (100×30, fresh ` +
          "HOME, a git workspace) whose output `pipe-pane` copies to a file read every 2 ms: from just before " +
          '`tmux new-session` to the first "❯" (the TUI writes its whole first frame at once; the line REPL its ' +
          'prompt), then to the echo of an "x" typed at once; medians. The line REPL is what piped or TERM=dumb ' +
          "terminals get, and what a terminal got before the TUI. Floor: the wall of node -e 0 (spawnSync), " +
          `median of ${READY_RUNS}, measured right after; the target is on the typed key shown (prompt drawn ` +
          "and input accepted).",
        "TUI modules: the bundle's chunks that only run-tui's static imports bring (pi-tui, marked, the " +
          "transcript, highlight.js core; its languages load later, one chunk each), and the time to import " +
          "them in a node that has already imported the line REPL's chunk, median of " +
          `${IMPORT_RUNS}. lcc starts this import while the session is set up, when stdin and stdout are TTYs.`,
      ],
      problems: failed > 0 ? [`REPL ready: ${failed} runs never showed the prompt or the typed key`] : [],
    };
  } finally {
    await fake.close();
    await workspace.cleanup();
    await rm(home, { recursive: true, force: true });
  }
}
