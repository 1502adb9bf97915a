// `pnpm bench check`: how long `pnpm check` takes here (issue 15: ≤ 240 s on a clean clone of a 2-core machine),
// and each step's share from the summary line scripts/check.ts prints. It runs the whole check (minutes).
import { spawn } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "./full-figures.ts";
import type { BenchReport, BenchRow } from "./run.ts";

const CHECK_SECONDS_MAX = 240;
const repositoryRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** The steps of scripts/check.ts's last line: "check: typecheck ok 6 s · lint ok 5 s · test ok 250 s · …". */
export function parseCheckSummary(output: string): Array<{ step: string; ok: boolean; seconds: number }> {
  const line = output
    .split("\n")
    .reverse()
    .find((text) => text.startsWith("check: "));
  if (!line) return [];
  return line
    .slice("check: ".length)
    .split(" · ")
    .flatMap((part) => {
      const match = /^(.+) (ok|FAILED) (\d+) s$/.exec(part.trim());
      return match ? [{ step: match[1] as string, ok: match[2] === "ok", seconds: Number(match[3]) }] : [];
    });
}

export default async function checkBench(): Promise<BenchReport> {
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn("pnpm", ["--silent", "check"], {
      cwd: repositoryRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("close", (exit) => resolve({ code: exit, output }));
  });
  const seconds = (performance.now() - started) / 1000;
  const steps = parseCheckSummary(output);
  const rows: BenchRow[] = [
    {
      figure: "pnpm check (wall)",
      value: `${seconds.toFixed(0)} s${code === 0 ? "" : " (FAILED)"}`,
      target: check(seconds, CHECK_SECONDS_MAX, `≤ ${CHECK_SECONDS_MAX} s`),
    },
    ...steps.map((step) => ({
      figure: `  ${step.step}`,
      value: `${step.seconds} s${step.ok ? "" : " (FAILED)"}`,
    })),
  ];
  return {
    title: "check: `pnpm check` in this checkout",
    rows,
    notes: [
      "One run of `pnpm check` (dependencies already installed; .ci/run adds the install and, on a new machine, " +
        "the Debian packages). Type-check and lint run beside the tests, then `exercise --verify` (scripts/check.ts), " +
        "so the steps' times add up to more than the wall.",
    ],
  };
}
