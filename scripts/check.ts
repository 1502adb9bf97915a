// `pnpm check`: type-check, lint, every test and `exercise --verify`. The tests stream as they run; type-check and
// lint run beside them, then verify, each with its output held and printed whole after the tests. Exit 1 if any fails.
import { spawn } from "node:child_process";

/** One step of the check: `pnpm <script> [args]`. */
interface Step {
  script: string;
  args?: string[];
  /** Print the output as it comes (the tests only, or lines would interleave); otherwise it is held. */
  live?: boolean;
}

interface StepResult {
  label: string;
  ok: boolean;
  seconds: number;
  /** What a held step printed (stdout and stderr in arrival order); "" for the live step. */
  output: string;
}

/** Runs one step; resolves when it ends, never rejects (a spawn error is a failed step). */
function runStep(step: Step): Promise<StepResult> {
  const label = [step.script, ...(step.args ?? [])].join(" ");
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("pnpm", ["--silent", step.script, ...(step.args ?? [])], {
      stdio: step.live ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const hold = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout?.on("data", hold);
    child.stderr?.on("data", hold);
    const end = (ok: boolean, note = "") =>
      resolve({ label, ok, seconds: (performance.now() - started) / 1000, output: output + note });
    child.on("error", (error) => end(false, `\n${error.message}`));
    child.on("close", (code) => end(code === 0));
  });
}

const tests = runStep({ script: "test", live: true });
const typecheckAndLint = Promise.all([runStep({ script: "typecheck" }), runStep({ script: "lint" })]);
// verify starts once type-check and lint are done, so at most one other step shares the CPU with the tests.
const verify = typecheckAndLint.then(() => runStep({ script: "exercise", args: ["--verify"] }));
const testResult = await tests;
const held = [...(await typecheckAndLint), await verify];

for (const result of held) {
  process.stdout.write(
    `\n── ${result.label}: ${result.ok ? "ok" : "FAILED"} (${result.seconds.toFixed(1)} s)\n`,
  );
  if (result.output.trim() !== "") process.stdout.write(`${result.output.trimEnd()}\n`);
}
const results = [...held.slice(0, 2), testResult, ...held.slice(2)];
const summary = results.map(
  (result) => `${result.label} ${result.ok ? "ok" : "FAILED"} ${result.seconds.toFixed(0)} s`,
);
process.stdout.write(`\ncheck: ${summary.join(" · ")}\n`);
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
