// A RUN's copy of an exercise: its tests and fixtures, then the starter or solution files, into one folder.
// The learner's work copy keeps their edited files; only --reset replaces them, after moving the old copy aside.
import { copyFileSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Exercise } from "./exercise-catalog.ts";

export type RunSource = "starter" | "solution";

/**
 * Copies the exercise's shared files (everything but README*.md, starter/ and solution/) into `target`, then the
 * files of `starter/` or `solution/` over them. Overwrites what is there; creates folders as needed.
 */
export function copyExerciseRun(exercise: Exercise, target: string, source: RunSource): void {
  copyFiles(exercise.dir, exercise.sharedFiles, target);
  const files = source === "starter" ? exercise.starterFiles : exercise.solutionFiles;
  copyFiles(join(exercise.dir, source), files, target);
}

export interface WorkCopy {
  /** Starter files copied because the learner had no copy of them yet (relative paths). */
  createdFiles: string[];
}

/**
 * Brings the learner's copy in `target` up to date: the shared files (tests, fixtures) are refreshed from the
 * exercise, and a starter file is copied only when the learner has none. The learner's files are never overwritten.
 */
export function prepareWorkCopy(exercise: Exercise, target: string): WorkCopy {
  copyFiles(exercise.dir, exercise.sharedFiles, target);
  const createdFiles = exercise.starterFiles.filter((file) => !existsSync(join(target, file)));
  copyFiles(join(exercise.dir, "starter"), createdFiles, target);
  return { createdFiles };
}

export interface ResetResult {
  /** Where the previous copy went (`<target>.<timestamp>.bak`), or undefined when there was none. */
  backup: string | undefined;
}

/**
 * Puts the starter back: moves an existing `target` aside to `<target>.<timestamp>.bak/` (never deleted; a
 * counter is added if that name is taken), then makes a fresh copy with the starter files.
 */
export function resetWorkCopy(exercise: Exercise, target: string, now: Date = new Date()): ResetResult {
  let backup: string | undefined;
  if (existsSync(target)) {
    const stamp = now
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replaceAll(":", "-");
    backup = `${target}.${stamp}.bak`;
    for (let count = 2; existsSync(backup); count++) backup = `${target}.${stamp}-${count}.bak`;
    renameSync(target, backup);
  }
  copyExerciseRun(exercise, target, "starter");
  return { backup };
}

function copyFiles(fromDir: string, files: string[], toDir: string): void {
  for (const file of files) {
    const destination = join(toDir, file);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(join(fromDir, file), destination);
  }
}
