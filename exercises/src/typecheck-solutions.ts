// Type-checks the solution copies under verify-runs/solution with `tsc -p <verify tsconfig>` and sorts the
// errors by exercise; an error in any other file (or a tsc that does not run) is a general problem.
import { createRequire } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { runChild } from "./run-vitest.ts";

export interface TypecheckResult {
  /** Exercise path (`s02-tool-use/01-count-lines-tool`) → its type errors (`file(line,col): error TS…`). */
  errorsByExercise: Map<string, string[]>;
  /** Errors outside any solution copy, or tsc failing without listing errors. */
  otherProblems: string[];
}

const ERROR_LINE = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/;

/**
 * Runs tsc once over `tsconfig` from `cwd` and files each error under the exercise whose copy in
 * `solutionDir` holds the file. Never throws for type errors.
 */
export async function typecheckSolutions(options: {
  cwd: string;
  tsconfig: string;
  solutionDir: string;
}): Promise<TypecheckResult> {
  const { exitCode, output } = await runChild(
    [tscEntry(), "-p", options.tsconfig, "--pretty", "false"],
    options.cwd,
    { echo: false },
  );
  const result: TypecheckResult = { errorsByExercise: new Map(), otherProblems: [] };
  const prefix = options.solutionDir.endsWith(sep) ? options.solutionDir : `${options.solutionDir}${sep}`;
  let listed = 0;
  for (const line of output.split("\n")) {
    const match = ERROR_LINE.exec(line.trimEnd());
    if (!match) continue;
    listed++;
    const [, file = "", row, column, message] = match;
    const absolute = resolve(options.cwd, file);
    if (!absolute.startsWith(prefix)) {
      result.otherProblems.push(`type error outside the solutions: ${line.trim()}`);
      continue;
    }
    const parts = absolute.slice(prefix.length).split(sep);
    const exercisePath = parts.slice(0, 2).join("/");
    const errors = result.errorsByExercise.get(exercisePath) ?? [];
    errors.push(`${parts.slice(2).join("/")}(${row},${column}): ${message}`);
    result.errorsByExercise.set(exercisePath, errors);
  }
  if (exitCode !== 0 && listed === 0) {
    result.otherProblems.push(`tsc -p ${options.tsconfig} failed: ${output.trim().slice(-1000)}`);
  }
  return result;
}

function tscEntry(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
}
