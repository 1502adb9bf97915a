// `pnpm bench full`, per turn: lcc on loop30 beside the minimal agent (the floor), with and without one
// matching PreToolUse command hook, runs interleaved so that machine noise hits lcc and its floor alike.

import { bashLoop, besideFloor, minimalAgent, nodeWallMs, requestGaps } from "./floors.ts";
import { type CliRun, type CliRunOptions, type LccEntry, runCliOnce } from "./full-cli.ts";
import { atMost, check, exitProblems, type Measured, median, toolRoundsProblem } from "./full-figures.ts";
import { readCpu, readMemory } from "./full-process-stats.ts";
import type { BenchRow } from "./run.ts";

const LOOP_RUNS = 5;
const LOOP_ROUNDS = 30;
/** The budgets over the floors: per turn, and per turn with one hook (plus one `node -e 0`). */
const TURN_BUDGET_MS = 2;
const HOOK = "true";

/** ~/.claude/settings.json with one PreToolUse hook on Bash (user hooks run without trusting the workspace). */
function hookSettings(command: string): Record<string, string> {
  const hooks = { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command }] }] };
  return { ".claude/settings.json": JSON.stringify({ hooks }) };
}

function loopArgs(lcc: LccEntry): string[] {
  const turns = String(LOOP_ROUNDS + 5);
  return ["-p", "Run the rounds.", "--output-format", "json", "--max-turns", turns, ...lcc.headlessArgs];
}

/** Says what is wrong when a hook that blocks with exit 2 did not reach the model: the hook never ran. */
async function hookProblem(lcc: LccEntry): Promise<string | undefined> {
  const run = await runCliOnce(lcc, {
    args: loopArgs(lcc),
    answer: bashLoop(1),
    homeFiles: hookSettings("echo blocked-by-bench-hook >&2; exit 2"),
  });
  const content = JSON.stringify(run.requests[1]?.body.messages.at(-1)?.content ?? "");
  if (content.includes("blocked-by-bench-hook")) return undefined;
  return `the PreToolUse hook in ~/.claude/settings.json did not run (second request: ${content.slice(0, 200)})`;
}

/** CPU ms per turn of a loop30 run's own process (and of the shells it reaped), from /proc at requests 1 and 31. */
interface LoopCpu {
  self: number[];
  shells: number[];
  peaks: number[];
}

/** One loop30 run of `entry`, its CPU per turn and peak RSS pushed into `cpu`. */
async function loopRun(entry: LccEntry, options: Omit<CliRunOptions, "answer">, cpu: LoopCpu) {
  const samples: Array<ReturnType<typeof readCpu>> = [];
  const next = bashLoop(LOOP_ROUNDS);
  const result = await runCliOnce(entry, {
    ...options,
    answer: (index, pid) => {
      if (index === 0 || index === LOOP_ROUNDS) samples.push(readCpu(pid));
      if (index === LOOP_ROUNDS) cpu.peaks.push(readMemory(pid)?.peakMb ?? Number.NaN);
      return next(index);
    },
  });
  const [first, last] = samples;
  if (first && last) {
    cpu.self.push((last.selfMs - first.selfMs) / LOOP_ROUNDS);
    cpu.shells.push((last.childrenMs - first.childrenMs) / LOOP_ROUNDS);
  }
  return result;
}

/**
 * loop30, LOOP_RUNS times each, interleaved: lcc, the minimal agent, lcc with the hook, the minimal agent
 * with the hook. Time per turn is the median gap between successive requests at the fake; CPU is read
 * from /proc for the plain runs of lcc and of the minimal agent, peak RSS for lcc's.
 */
export async function measurePerTurn(lcc: LccEntry): Promise<Measured> {
  const gaps = {
    lcc: [] as number[],
    floor: [] as number[],
    lccHook: [] as number[],
    floorHook: [] as number[],
  };
  const newCpu = (): LoopCpu => ({ self: [], shells: [], peaks: [] });
  const [lccCpu, floorCpu, spare] = [newCpu(), newCpu(), newCpu()];
  const problems: string[] = [];
  const hookCheck = await hookProblem(lcc);
  if (hookCheck) problems.push(hookCheck);
  const record = (run: CliRun, into: number[], what: string) => {
    problems.push(...exitProblems(run, what));
    const toolProblem = toolRoundsProblem(run);
    if (toolProblem) problems.push(`${what}: ${toolProblem}`);
    into.push(...requestGaps(run));
  };
  const [minimal, hooked] = [
    { args: ["Run the rounds."] },
    { args: loopArgs(lcc), homeFiles: hookSettings(HOOK) },
  ];
  for (let run = 0; run < LOOP_RUNS; run++) {
    record(await loopRun(lcc, { args: loopArgs(lcc) }, lccCpu), gaps.lcc, "loop30");
    record(await loopRun(minimalAgent, minimal, floorCpu), gaps.floor, "minimal agent");
    record(await loopRun(lcc, hooked, spare), gaps.lccHook, "loop30 with a hook");
    const floorHooked = { ...minimal, env: { BENCH_HOOK: HOOK } };
    record(await loopRun(minimalAgent, floorHooked, spare), gaps.floorHook, "minimal agent with a hook");
  }
  const nodeMs = nodeWallMs(7);
  const [turnMs, floorMs] = [median(gaps.lcc), median(gaps.floor)];
  const [hookMs, floorHookMs] = [median(gaps.lccHook), median(gaps.floorHook)];
  const rows: BenchRow[] = [
    {
      figure: "per turn on loop30 (vs the minimal agent)",
      value: besideFloor(turnMs, floorMs, 1),
      target: check(turnMs - floorMs, TURN_BUDGET_MS, `≤ floor + ${TURN_BUDGET_MS} ms`),
    },
    {
      figure: "per turn, one matching PreToolUse hook",
      value: besideFloor(hookMs, floorHookMs, 1),
      target: check(hookMs - floorHookMs, nodeMs, `≤ floor + node -e 0 (${nodeMs.toFixed(0)} ms)`),
    },
    {
      figure: "CPU per turn (loop30, the agent's own process)",
      value: besideFloor(median(lccCpu.self), median(floorCpu.self), 1),
    },
    atMost("peak RSS over loop30", median(lccCpu.peaks), 0, "MB", 100),
  ];
  return {
    rows,
    notes: [
      `Per turn: ${LOOP_RUNS} runs each of ${LOOP_ROUNDS} bash rounds (\`echo round N\`) then an answer, ` +
        "interleaved: lcc -p, bench/minimal-agent.mjs (fetch with stream:true, the SSE parsed by hand, " +
        "`bash -c` per tool_use, nothing else; run with node --liftoff-only as lcc runs itself), lcc with one PreToolUse hook on Bash running `true` (from " +
        "~/.claude/settings.json), and the minimal agent running `$SHELL -c true` with the event JSON on stdin " +
        "before each command. Value: median gap between successive requests at the fake; floor: the minimal " +
        "agent's. A check run whose hook blocks with exit 2 proves the hook runs. node -e 0: spawnSync wall, " +
        "median of 7, measured after these runs.",
      "CPU per turn: utime+stime of the lcc process / of the minimal agent (/proc/<pid>/stat, 10 ms ticks) " +
        `between requests 1 and ${LOOP_ROUNDS + 1}, median of runs, shown beside each other (no target); the ` +
        `echo shells add ${median(lccCpu.shells).toFixed(1)} ms per turn on top (not counted). Peak RSS: ` +
        "lcc's VmHWM at the last request.",
    ],
    problems,
  };
}
