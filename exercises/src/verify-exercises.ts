// `pnpm exercise --verify`: copies every exercise to verify-runs/{starter,solution}, runs ONE vitest process
// over both, type-checks the solutions meanwhile, and judges each exercise (the starter fails, the solution passes).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { copyExerciseRun } from "./copy-exercise.ts";
import type { Exercise } from "./exercise-catalog.ts";
import type { ExercisesLayout } from "./exercises-layout.ts";
import { judgeSolution, judgeStarter } from "./judge-results.ts";
import { resultsIn, runVitest, type TestFileResult } from "./run-vitest.ts";
import { typecheckSolutions } from "./typecheck-solutions.ts";

export interface ExerciseVerdict {
  exercise: Exercise;
  /** [] when the exercise is good. */
  problems: string[];
  /** Remarks that do not fail verify, e.g. a copy whose tests took longer than SLOW_COPY_MS. */
  notes: string[];
}

/** Exercise tests should run in < 3 s per copy; slower copies are named (not failed: timing depends on load). */
export const SLOW_COPY_MS = 3000;

export interface VerifyReport {
  verdicts: ExerciseVerdict[];
  /** Problems that belong to no single exercise: an empty catalog, a vitest crash, type errors elsewhere. */
  generalProblems: string[];
}

/**
 * Verifies `exercises` (usually the whole catalog). Cleans verify-runs/starter and verify-runs/solution first.
 * Never throws for a bad exercise; an empty list is a general problem (an empty catalog must not pass).
 */
export async function verifyExercises(layout: ExercisesLayout, exercises: Exercise[]): Promise<VerifyReport> {
  if (exercises.length === 0) return { verdicts: [], generalProblems: ["no exercises found"] };
  const starterDir = join(layout.verifyDir, "starter");
  const solutionDir = join(layout.verifyDir, "solution");
  for (const dir of [starterDir, solutionDir]) rmSync(dir, { recursive: true, force: true });
  for (const exercise of exercises) {
    copyExerciseRun(exercise, join(starterDir, exercise.path), "starter");
    copyExerciseRun(exercise, join(solutionDir, exercise.path), "solution");
  }

  const [run, types] = await Promise.all([
    runVitest({
      cwd: layout.repoRoot,
      config: layout.vitestConfig,
      folders: [starterDir, solutionDir],
      echo: false,
      isolate: false,
    }),
    typecheckSolutions({ cwd: layout.repoRoot, tsconfig: layout.verifyTsconfig, solutionDir }),
  ]);

  const generalProblems = [...types.otherProblems];
  if (run.reportError !== undefined) generalProblems.push(`vitest: ${run.reportError}`);
  const verdicts = exercises.map((exercise): ExerciseVerdict => {
    if (run.reportError !== undefined) {
      return { exercise, problems: ["not run (vitest wrote no report)"], notes: [] };
    }
    const starter = resultsIn(run.files, join(starterDir, exercise.path));
    const solution = resultsIn(run.files, join(solutionDir, exercise.path));
    const typeErrors = types.errorsByExercise.get(exercise.path) ?? [];
    return {
      exercise,
      problems: [
        ...exercise.problems,
        ...judgeStarter(starter),
        ...judgeSolution(solution),
        ...typeErrors.map((error) => `solution type error: ${error}`),
      ],
      notes: [slowNote("starter", starter), slowNote("solution", solution)].filter((note) => note !== ""),
    };
  });
  return { verdicts, generalProblems };
}

/** The report as printed lines (one per exercise, then the general problems and a total) and the exit code. */
export function formatVerifyReport(report: VerifyReport): { lines: string[]; exitCode: number } {
  const lines: string[] = [];
  for (const { exercise, problems, notes } of report.verdicts) {
    const label = `${exercise.id} ${exercise.path}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`;
    if (problems.length === 0) lines.push(`✓ ${label}`);
    else lines.push(`✗ ${label}: ${problems[0]}`, ...problems.slice(1).map((problem) => `    ${problem}`));
  }
  for (const problem of report.generalProblems) lines.push(`✗ ${problem}`);
  const count =
    report.verdicts.reduce((sum, verdict) => sum + verdict.problems.length, 0) +
    report.generalProblems.length;
  lines.push(count === 0 ? `${report.verdicts.length} exercises verified` : `${count} problems`);
  return { lines, exitCode: count === 0 ? 0 : 1 };
}

function slowNote(copy: string, files: TestFileResult[]): string {
  const milliseconds = files.reduce((sum, file) => sum + file.durationMs, 0);
  return milliseconds > SLOW_COPY_MS ? `slow: ${copy} ${(milliseconds / 1000).toFixed(1)} s` : "";
}
