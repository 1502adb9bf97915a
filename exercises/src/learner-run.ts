// The learner's run: bring the work copies up to date, say what to edit, run their tests in one vitest
// process, record which exercises pass in progress.json, and name the next one.
import { join } from "node:path";
import { prepareWorkCopy } from "./copy-exercise.ts";
import type { Exercise } from "./exercise-catalog.ts";
import {
  type Progress,
  type ProgressRead,
  readProgress,
  withResult,
  writeProgress,
} from "./exercise-progress.ts";
import { displayPath, type ExercisesLayout } from "./exercises-layout.ts";
import { countTests, judgeSolution } from "./judge-results.ts";
import { resultsIn, runVitest } from "./run-vitest.ts";

export interface LearnerRunOptions {
  layout: ExercisesLayout;
  /** The whole catalog (to name the next exercise). */
  catalog: Exercise[];
  /** The exercises to run, in catalog order. */
  exercises: Exercise[];
  /** Where lines go (console.log by default). */
  print?: (line: string) => void;
  /** Show vitest's own report (default true; tests turn it off). */
  echo?: boolean;
}

export interface LearnerRunResult {
  /** Exercise paths that pass now. */
  solved: string[];
  /** False when progress.json could not be read (then it is not written either). */
  progressSaved: boolean;
  exitCode: number;
}

/** The work copy of an exercise: `work/<chapter>/<exercise>/`. */
export function workCopyOf(layout: ExercisesLayout, exercise: Exercise): string {
  return join(layout.workDir, exercise.path);
}

/** Where progress is kept: `work/progress.json`. */
export function progressFileOf(layout: ExercisesLayout): string {
  return join(layout.workDir, "progress.json");
}

/** The learner's progress.json, named in messages by its path from the repository root. */
export function readLearnerProgress(layout: ExercisesLayout): ProgressRead {
  const file = progressFileOf(layout);
  return readProgress(file, displayPath(layout, file));
}

/** The first exercise of `catalog` that `progress` does not mark solved. */
export function firstUnsolved(catalog: Exercise[], progress: Progress): Exercise | undefined {
  return catalog.find((exercise) => progress.solved[exercise.path] === undefined);
}

/**
 * Runs `exercises` as the learner does. Exit code 0 when all of them pass, 1 otherwise. A progress file that
 * cannot be read is reported and left untouched; the tests still run.
 */
export async function runForLearner(options: LearnerRunOptions): Promise<LearnerRunResult> {
  const { layout, exercises } = options;
  const print = options.print ?? console.log;
  for (const exercise of exercises) {
    const target = workCopyOf(layout, exercise);
    const { createdFiles } = prepareWorkCopy(exercise, target);
    print(`\n${exercise.id}  ${exercise.title}`);
    if (exercise.goal !== "") print(indent(exercise.goal));
    print(`  Read: ${displayPath(layout, join(exercise.dir, "README.md"))}`);
    for (const file of exercise.starterFiles) {
      const note = createdFiles.includes(file) ? " (new copy of the starter)" : "";
      print(`  Edit: ${displayPath(layout, join(target, file))}${note}`);
    }
  }

  const run = await runVitest({
    cwd: layout.repoRoot,
    config: layout.vitestConfig,
    folders: exercises.map((exercise) => workCopyOf(layout, exercise)),
    echo: options.echo ?? true,
  });
  if (run.reportError !== undefined) print(`vitest failed to report: ${run.reportError}`);

  const read = readLearnerProgress(layout);
  let progress = read.ok ? read.progress : undefined;
  const solved: string[] = [];
  print("");
  for (const exercise of exercises) {
    const files = resultsIn(run.files, workCopyOf(layout, exercise));
    const passes = run.reportError === undefined && judgeSolution(files).length === 0;
    if (passes) solved.push(exercise.path);
    if (progress) progress = withResult(progress, exercise.path, passes);
    print(passes ? `✓ ${exercise.id} solved` : `✗ ${exercise.id} not solved yet: ${summary(files)}`);
  }
  if (progress) writeProgress(progressFileOf(layout), progress);
  else if (!read.ok) print(`! ${read.problem}`);

  const allPass = solved.length === exercises.length;
  if (progress && allPass) {
    const next = firstUnsolved(options.catalog, progress);
    print(next ? `Next: ${next.id} ${next.title} — pnpm exercise ${next.id}` : "Every exercise is solved.");
  } else if (!allPass) {
    const first = exercises.find((exercise) => !solved.includes(exercise.path));
    if (first)
      print(`Edit the file(s) above, then run pnpm exercise ${first.id} again (or --watch ${first.id}).`);
  }
  return { solved, progressSaved: progress !== undefined, exitCode: allPass ? 0 : 1 };
}

function summary(files: ReturnType<typeof resultsIn>): string {
  const counts = countTests(files);
  if (counts.loadErrors > 0) return `${counts.loadErrors} test file(s) failed to load`;
  if (counts.passed + counts.failed === 0) return "no test ran";
  return `${counts.failed} of ${counts.passed + counts.failed} tests fail`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
