// The floors the full bench judges lcc against, measured in the same run: the wall of `node -e 0`, and
// the per-turn time of bench/minimal-agent.mjs (fetch + SSE parse + spawn) on the same fake model.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reply, text, toolUse } from "@lcc/testkit";
import type { CliRun, LccEntry } from "./full-cli.ts";
import { median } from "./full-figures.ts";

/** Wall time of `spawnSync(node, ["-e", "0"])`, median of `runs` after one warm-up. */
export function nodeWallMs(runs: number): number {
  const walls = Array.from({ length: runs + 1 }, () => {
    const started = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    return performance.now() - started;
  });
  return median(walls.slice(1));
}

/**
 * bench/minimal-agent.mjs, in the shape runCliOnce runs (its only argument is the prompt). It runs with
 * `--liftoff-only`, the flag lcc sets itself (full/src/cli/cli.ts): without it V8 optimises fetch's
 * WebAssembly HTTP parser in the background, which doubled the floor's CPU per turn in this bench.
 */
export const minimalAgent: LccEntry = {
  entry: join(dirname(fileURLToPath(import.meta.url)), "minimal-agent.mjs"),
  nodeFlags: ["--liftoff-only"],
  description: "bench/minimal-agent.mjs",
  headlessArgs: [],
};

/** The fake model: `rounds` requests each asking bash for `echo round N`, then a final answer. */
export function bashLoop(rounds: number) {
  return (index: number) =>
    index < rounds
      ? reply(toolUse("bash", { command: `echo round ${index + 1}` }))
      : reply(text(`Done: ${rounds} rounds.`));
}

/** The gaps between successive requests of a run, in ms (one per tool round). */
export function requestGaps(run: CliRun): number[] {
  const times = run.requestTimes;
  return times.slice(1).map((time, index) => time - times[index]!);
}

/** "12.3 ms" beside its floor: "12.3 ms (floor 10.1, +2.2)". */
export function besideFloor(value: number, floor: number, digits: number): string {
  const difference = value - floor;
  const sign = difference >= 0 ? "+" : "−";
  return `${value.toFixed(digits)} ms (floor ${floor.toFixed(digits)}, ${sign}${Math.abs(difference).toFixed(digits)})`;
}

/** "180 ms (floor 45, 4.0×)": a value, its floor and their ratio. */
export function ratioToFloor(value: number, floor: number): string {
  return `${value.toFixed(0)} ms (floor ${floor.toFixed(0)}, ${(value / floor).toFixed(2)}×)`;
}
