// `pnpm bench full`: the CURRICULUM §8 figures for the `lcc` CLI, measured against the testkit fake
// Messages API (instant answers, simulated prompt caching) running in this process.
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reply, text, toolUse } from "@lcc/testkit";
import { type CliRun, type LccEntry, prepareLccEntry, runCliOnce } from "./full-cli.ts";
import { cacheReadShare, check, firstRequestKb, median, toolRoundsProblem } from "./full-figures.ts";
import { hasGnuTime, parseGnuTimePeakMb, readCpu, readMemory } from "./full-process-stats.ts";
import { measureReplReady } from "./repl-ready.ts";
import type { BenchReport, BenchRow } from "./run.ts";

const COLD_RUNS = 7;
const RSS_RUNS = 3;
const LOOP_RUNS = 3;
const LOOP_ROUNDS = 30;
const LONG_TURNS = 500;
const CACHE_TURNS = 50;

/** What each measurement adds to the report. */
interface Measured {
  rows: BenchRow[];
  notes: string[];
  problems: string[];
}

/** A row whose `value` (shown with `digits` decimals and `unit`) must stay at or below `limit`. */
function atMost(figure: string, value: number, digits: number, unit: string, limit: number): BenchRow {
  return {
    figure,
    value: `${value.toFixed(digits)} ${unit}`,
    target: check(value, limit, `≤ ${limit} ${unit}`),
  };
}

/** The fake model: `rounds` requests each asking bash for `echo round N`, then a final answer. */
function bashLoop(rounds: number) {
  return (index: number) =>
    index < rounds
      ? reply(toolUse("bash", { command: `echo round ${index + 1}` }))
      : reply(text(`Done: ${rounds} rounds.`));
}

function headless(lcc: LccEntry, prompt: string, maxTurns: number): string[] {
  return ["-p", prompt, "--output-format", "json", "--max-turns", String(maxTurns), ...lcc.headlessArgs];
}

function exitProblems(run: CliRun, what: string): string[] {
  if (run.code === 0) return [];
  return [`${what} exited with ${run.code}: ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`];
}

const oneTurn = (lcc: LccEntry) => ({
  args: headless(lcc, "Say hello.", 5),
  answer: () => reply(text("Hello.")),
});

/** Start → first request, wall time and first request size: median of plain runs after a warm-up. */
async function measureOneTurn(lcc: LccEntry): Promise<Measured> {
  await runCliOnce(lcc, oneTurn(lcc));
  const runs: CliRun[] = [];
  for (let run = 0; run < COLD_RUNS; run++) runs.push(await runCliOnce(lcc, oneTurn(lcc)));
  const startMs = median(runs.map((run) => run.requestTimes[0] ?? Number.NaN));
  const wallMs = median(runs.map((run) => run.wallMs));
  const firstKb = median(runs.map(firstRequestKb));
  return {
    rows: [
      atMost("process start → first request", startMs, 0, "ms", 200),
      atMost("one-turn -p wall", wallMs, 0, "ms", 250),
      atMost("first request size", firstKb, 1, "KB", 25),
    ],
    notes: [
      `Start and wall: median of ${COLD_RUNS} runs after a warm-up, from spawn to the fake receiving the first ` +
        "request / to exit. First request size: its Content-Length (KB = 1024 bytes).",
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

/** loop30: time between successive requests, CPU of the lcc process per extra turn, peak RSS. */
async function measureLoop30(lcc: LccEntry): Promise<Measured> {
  const gaps: number[] = [];
  const cpuPerTurn: number[] = [];
  const shellCpuPerTurn: number[] = [];
  const peaks: number[] = [];
  const problems: string[] = [];
  for (let run = 0; run < LOOP_RUNS; run++) {
    const samples: Array<ReturnType<typeof readCpu>> = [];
    const next = bashLoop(LOOP_ROUNDS);
    const result = await runCliOnce(lcc, {
      args: headless(lcc, "Run the rounds.", LOOP_ROUNDS + 5),
      answer: (index, pid) => {
        if (index === 0 || index === LOOP_ROUNDS) samples.push(readCpu(pid));
        if (index === LOOP_ROUNDS) peaks.push(readMemory(pid)?.peakMb ?? Number.NaN);
        return next(index);
      },
    });
    problems.push(...exitProblems(result, "loop30"));
    const toolProblem = toolRoundsProblem(result);
    if (toolProblem) problems.push(toolProblem);
    const times = result.requestTimes;
    for (let index = 1; index < times.length; index++) gaps.push(times[index]! - times[index - 1]!);
    const [first, last] = samples;
    if (first && last) {
      cpuPerTurn.push((last.selfMs - first.selfMs) / LOOP_ROUNDS);
      shellCpuPerTurn.push((last.childrenMs - first.childrenMs) / LOOP_ROUNDS);
    }
  }
  const [turnMs, cpuMs, peakMb] = [median(gaps), median(cpuPerTurn), median(peaks)];
  return {
    rows: [
      atMost("time per turn (between successive requests)", turnMs, 1, "ms", 5),
      atMost("CPU per extra turn (loop30, lcc process)", cpuMs, 1, "ms", 4),
      atMost("peak RSS over loop30", peakMb, 0, "MB", 100),
    ],
    notes: [
      `loop30: ${LOOP_RUNS} runs of ${LOOP_ROUNDS} bash rounds then an answer. Time per turn: median gap between ` +
        "successive requests at the fake. CPU: utime+stime of the lcc process (/proc/<pid>/stat, 10 ms ticks) " +
        `between requests 1 and ${LOOP_ROUNDS + 1}, median of runs; the echo shells add ` +
        `${median(shellCpuPerTurn).toFixed(1)} ms per turn on top (not counted). Peak RSS: VmHWM at the last request.`,
    ],
    problems,
  };
}

/** A long session: resident memory at turns 100 and 500, and CPU per turn over the 400 between. */
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
    timeoutMs: 150_000,
  });
  const [early, late] = [samples.get(100), samples.get(LONG_TURNS)];
  const rows: BenchRow[] = [];
  if (early?.memory && late?.memory) {
    const growth = late.memory.rssMb - early.memory.rssMb;
    const change = `${growth >= 0 ? "+" : "−"}${Math.abs(growth).toFixed(1)}`;
    rows.push({
      figure: `RSS at turn 100 → ${LONG_TURNS}`,
      value: `${early.memory.rssMb.toFixed(0)} → ${late.memory.rssMb.toFixed(0)} MB (${change})`,
      target: check(late.memory.peakMb, 100, "≤ 100 MB, flat"),
    });
  }
  if (early?.cpu && late?.cpu) {
    const perTurn = (late.cpu.selfMs - early.cpu.selfMs) / (LONG_TURNS - 100);
    rows.push(atMost(`CPU per extra turn (turns 100 → ${LONG_TURNS})`, perTurn, 2, "ms", 4));
  }
  const peak = late?.memory ? `; peak (VmHWM) ${late.memory.peakMb.toFixed(0)} MB` : "";
  return {
    rows,
    notes: [`${LONG_TURNS}-turn session: VmRSS when requests 100 and ${LONG_TURNS} arrived${peak}.`],
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
    measureReplReady,
    measurePeakRss,
    measureLoop30,
    measureLongSession,
    measureCacheShare,
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
