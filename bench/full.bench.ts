// `pnpm bench full`: the CURRICULUM §8 figures for the `lcc` CLI, measured against the testkit fake
// Messages API (instant answers, simulated prompt caching) running in this process.
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reply, text } from "@lcc/testkit";
import { bashLoop, nodeWallMs, ratioToFloor } from "./floors.ts";
import { type CliRun, type LccEntry, prepareLccEntry, runCliOnce } from "./full-cli.ts";
import {
  atMost,
  cacheReadShare,
  check,
  exitProblems,
  firstRequestKb,
  type Measured,
  median,
} from "./full-figures.ts";
import { measurePerTurn } from "./full-per-turn.ts";
import { hasGnuTime, parseGnuTimePeakMb, readCpu, readMemory } from "./full-process-stats.ts";
import { measureGrepTree } from "./grep-tree.ts";
import { measureReplReady } from "./repl-ready.ts";
import type { BenchReport, BenchRow } from "./run.ts";
import { measureStartupProfile } from "./startup-profile.ts";

const COLD_RUNS = 7;
const RSS_RUNS = 3;
/** The start-up target: at most this many times the wall of `node -e 0`. */
const START_RATIO = 1.5;
const LONG_TURNS = 1000;
/** The memory target: RSS from turn 100 to the last grows by at most this share. */
const RSS_GROWTH = 0.1;
const CACHE_TURNS = 50;

function headless(lcc: LccEntry, prompt: string, maxTurns: number): string[] {
  return ["-p", prompt, "--output-format", "json", "--max-turns", String(maxTurns), ...lcc.headlessArgs];
}

const oneTurn = (lcc: LccEntry) => ({
  args: headless(lcc, "Say hello.", 5),
  answer: () => reply(text("Hello.")),
});

/** Start → first request, wall time and first request size: median of plain runs after a warm-up. */
async function measureOneTurn(lcc: LccEntry): Promise<Measured> {
  await runCliOnce(lcc, oneTurn(lcc));
  const runs: CliRun[] = [];
  const nodeWalls: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    runs.push(await runCliOnce(lcc, oneTurn(lcc)));
    nodeWalls.push(nodeWallMs(1));
  }
  const startMs = median(runs.map((run) => run.requestTimes[0] ?? Number.NaN));
  const wallMs = median(runs.map((run) => run.wallMs));
  const firstKb = median(runs.map(firstRequestKb));
  const nodeMs = median(nodeWalls);
  return {
    rows: [
      {
        figure: "one-turn -p: process start → first request",
        value: ratioToFloor(startMs, nodeMs),
        target: check(startMs / nodeMs, START_RATIO, `≤ ${START_RATIO}× node -e 0`),
      },
      { figure: "one-turn -p wall (start → exit)", value: ratioToFloor(wallMs, nodeMs) },
      atMost("first request size", firstKb, 1, "KB", 25),
    ],
    notes: [
      `Start and wall: median of ${COLD_RUNS} runs after a warm-up, from spawn to the fake receiving the first ` +
        "request / to exit; floor: the wall of `node -e 0` (spawnSync), one after each lcc run, median. " +
        "First request size: its Content-Length (KB = 1024 bytes).",
    ],
    problems: runs.flatMap((run) => exitProblems(run, "lcc -p")),
  };
}

/** Peak RSS of a whole one-turn run: GNU time's figure, or VmHWM read when the request arrives. */
async function measurePeakRss(lcc: LccEntry): Promise<Measured> {
  const gnuTime = hasGnuTime();
  const peaks: number[] = [];
  for (let run = 0; run < RSS_RUNS; run++) {
    if (gnuTime) {
      const report = join(tmpdir(), `lcc-bench-time-${process.pid}-${run}.txt`);
      await runCliOnce(lcc, { ...oneTurn(lcc), wrapper: ["/usr/bin/time", "-v", "-o", report] });
      peaks.push(parseGnuTimePeakMb(await readFile(report, "utf8").catch(() => "")) ?? Number.NaN);
      await rm(report, { force: true });
    } else {
      let peak = Number.NaN;
      const answer = (_index: number, pid: number) => {
        peak = readMemory(pid)?.peakMb ?? Number.NaN;
        return reply(text("Hello."));
      };
      await runCliOnce(lcc, { ...oneTurn(lcc), answer });
      peaks.push(peak);
    }
  }
  const peakMb = median(peaks);
  const method = gnuTime
    ? "GNU `/usr/bin/time -v` (maximum resident set size)"
    : "VmHWM of /proc/<pid>/status when its request arrived (no GNU time here)";
  return {
    rows: [atMost("one-turn -p peak RSS", peakMb, 0, "MB", 100)],
    notes: [`One-turn peak RSS: median of ${RSS_RUNS} runs, ${method}.`],
    problems: [],
  };
}

/** A long session: resident memory at turn 100 and the last, and CPU per turn over the turns between. */
async function measureLongSession(lcc: LccEntry): Promise<Measured> {
  const samples = new Map<
    number,
    { memory: ReturnType<typeof readMemory>; cpu: ReturnType<typeof readCpu> }
  >();
  const next = bashLoop(LONG_TURNS - 1);
  const result = await runCliOnce(lcc, {
    args: headless(lcc, "Run many rounds.", LONG_TURNS + 5),
    answer: (index, pid) => {
      if (index === 99 || index === LONG_TURNS - 1)
        samples.set(index + 1, { memory: readMemory(pid), cpu: readCpu(pid) });
      return next(index);
    },
    timeoutMs: 300_000,
  });
  const [early, late] = [samples.get(100), samples.get(LONG_TURNS)];
  const rows: BenchRow[] = [];
  if (early?.memory && late?.memory) {
    const growth = late.memory.rssMb - early.memory.rssMb;
    const percent = ((growth / early.memory.rssMb) * 100).toFixed(1);
    const change = `${growth >= 0 ? "+" : "−"}${Math.abs(growth).toFixed(1)} MB, ${percent} %`;
    const [from, to] = [early.memory.rssMb.toFixed(0), late.memory.rssMb.toFixed(0)];
    rows.push({
      figure: `RSS at turn 100 → ${LONG_TURNS}`,
      value: `${from} → ${to} MB (${change}), peak ${late.memory.peakMb.toFixed(0)}`,
      target: check(
        Math.max(growth / early.memory.rssMb / RSS_GROWTH, late.memory.peakMb / 100),
        1,
        `flat within ${RSS_GROWTH * 100} %, ≤ 100 MB`,
      ),
    });
  }
  if (early?.cpu && late?.cpu) {
    const perTurn = (late.cpu.selfMs - early.cpu.selfMs) / (LONG_TURNS - 100);
    rows.push({
      figure: `CPU per extra turn (turns 100 → ${LONG_TURNS})`,
      value: `${perTurn.toFixed(2)} ms`,
    });
  }
  return {
    rows,
    notes: [
      `${LONG_TURNS}-turn session: VmRSS when requests 100 and ${LONG_TURNS} arrived; peak: VmHWM then. ` +
        `Target: VmRSS grows by at most ${RSS_GROWTH * 100} % between them and the peak (VmHWM) stays ≤ 100 MB.`,
    ],
    problems: exitProblems(result, `${LONG_TURNS}-turn session`),
  };
}

/** The cache-read share of all input tokens over a 50-turn session. */
async function measureCacheShare(lcc: LccEntry): Promise<Measured> {
  const result = await runCliOnce(lcc, {
    args: headless(lcc, "Run the rounds.", CACHE_TURNS + 5),
    answer: bashLoop(CACHE_TURNS - 1),
  });
  const share = cacheReadShare(result.requests) * 100;
  return {
    rows: [
      {
        figure: `input tokens read from cache (${CACHE_TURNS} turns)`,
        value: `${share.toFixed(1)} %`,
        target: check(-share, -97, "≥ 97 %"),
      },
    ],
    notes: [
      "Cache share: Σ cache_read / Σ (input + cache_read + cache_creation) over every request, as the fake's " +
        "prompt-cache simulation reported them.",
    ],
    problems: exitProblems(result, `${CACHE_TURNS}-turn session`),
  };
}

export default async function fullBench(): Promise<BenchReport> {
  const lcc = prepareLccEntry();
  const parts: Measured[] = [];
  for (const measure of [
    measureOneTurn,
    measureStartupProfile,
    measureReplReady,
    measurePeakRss,
    measurePerTurn,
    measureLongSession,
    measureCacheShare,
    measureGrepTree,
  ]) {
    parts.push(await measure(lcc));
  }
  const problems = [...new Set(parts.flatMap((part) => part.problems))];
  return {
    title: "full: the lcc CLI against the fake API (CURRICULUM §8)",
    rows: parts.flatMap((part) => part.rows),
    notes: [
      `Measured: node ${lcc.description}. Shared 2-core machine: other work on it shows up as noise.`,
      ...parts.flatMap((part) => part.notes),
      ...problems.map((problem) => `Problem: ${problem}`),
    ],
  };
}
