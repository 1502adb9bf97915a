// The `pnpm exercise` command line: reads the arguments and dispatches to the learner's run, --list, --watch,
// --reset, --solution or --verify. Takes the layout as a parameter so tests run it on a fake catalog.
import { join } from "node:path";
import { prepareWorkCopy, resetWorkCopy } from "./copy-exercise.ts";
import { createCatalog, type Exercise, selectExercises } from "./exercise-catalog.ts";
import { emptyProgress, withResult, writeProgress } from "./exercise-progress.ts";
import { displayPath, type ExercisesLayout } from "./exercises-layout.ts";
import {
  firstUnsolved,
  progressFileOf,
  readLearnerProgress,
  runForLearner,
  workCopyOf,
} from "./learner-run.ts";
import { watchVitest } from "./run-vitest.ts";
import { formatVerifyReport, verifyExercises } from "./verify-exercises.ts";

export const EXERCISE_HELP = `pnpm exercise                 run the first exercise not solved yet
pnpm exercise s02             run chapter s02's exercises (also s02-tool-use)
pnpm exercise s02/01          run one exercise (also s02-tool-use/01-<name>)
pnpm exercise --list          every exercise, ✓ when solved
pnpm exercise --watch [id]    rerun an exercise's tests on every save
pnpm exercise --reset <id>    back to the starter (your copy is moved aside to work/<...>.<time>.bak/)
pnpm exercise --solution <id> where the reference solution is
pnpm exercise --verify [sNN]  check every starter fails and every solution passes (maintainers)
Your copies live in exercises/work/<chapter>/<exercise>/; edit them there.`;

export interface CommandOptions {
  layout: ExercisesLayout;
  print?: (line: string) => void;
  /** Show vitest's own report (default true). */
  echo?: boolean;
}

type Command =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "run" | "watch" | "verify"; query: string | undefined }
  | { kind: "reset" | "solution"; query: string }
  | { kind: "error"; message: string };

/** Parses the arguments after `pnpm exercise`. Pure. */
export function parseExerciseArgs(args: string[]): Command {
  const [first, second, ...rest] = args;
  if (rest.length > 0) return { kind: "error", message: `too many arguments: ${args.join(" ")}` };
  if (first === undefined) return { kind: "run", query: undefined };
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (!first.startsWith("-")) {
    return second === undefined
      ? { kind: "run", query: first }
      : { kind: "error", message: `unexpected ${second}` };
  }
  if (first === "--list") {
    return second === undefined ? { kind: "list" } : { kind: "error", message: `unexpected ${second}` };
  }
  if (first === "--watch" || first === "--verify")
    return { kind: first === "--watch" ? "watch" : "verify", query: second };
  if (first === "--reset" || first === "--solution") {
    if (second === undefined)
      return { kind: "error", message: `${first} needs an exercise, e.g. ${first} s02/01` };
    return { kind: first === "--reset" ? "reset" : "solution", query: second };
  }
  return { kind: "error", message: `unknown option ${first}` };
}

/** Runs `pnpm exercise <args>`; resolves with the exit code. Never throws for a learner mistake. */
export async function runExerciseCommand(args: string[], options: CommandOptions): Promise<number> {
  const { layout } = options;
  const print = options.print ?? console.log;
  const command = parseExerciseArgs(args);
  if (command.kind === "error") {
    print(`${command.message}\n\n${EXERCISE_HELP}`);
    return 2;
  }
  if (command.kind === "help") {
    print(EXERCISE_HELP);
    return 0;
  }
  const catalog = createCatalog(layout.root);
  if (catalog.length === 0) {
    print(`no exercises found under ${displayPath(layout, layout.root) || "."}`);
    return 1;
  }
  if (command.kind === "list") return listExercises(catalog, options.layout, print);

  const selected = select(catalog, command, layout, print);
  if (selected === undefined) return 1;
  if (selected.length === 0) {
    print(`Every exercise is solved (${catalog.length}). Run pnpm exercise --list to see them.`);
    return 0;
  }
  switch (command.kind) {
    case "run":
      return (
        await runForLearner({ layout, catalog, exercises: selected, print, echo: options.echo ?? true })
      ).exitCode;
    case "verify": {
      const { lines, exitCode } = formatVerifyReport(await verifyExercises(layout, selected));
      for (const line of lines) print(line);
      return exitCode;
    }
    case "watch": {
      const [exercise] = selected;
      if (exercise === undefined || selected.length > 1) {
        print(`--watch runs one exercise; ${command.query} names ${selected.length}: ${ids(selected)}`);
        return 2;
      }
      const target = workCopyOf(layout, exercise);
      prepareWorkCopy(exercise, target);
      print(
        `${exercise.id}  ${exercise.title}\n  Edit: ${exercise.starterFiles.map((file) => displayPath(layout, join(target, file))).join(", ")}`,
      );
      return watchVitest({ cwd: layout.repoRoot, config: layout.vitestConfig, folders: [target] });
    }
    case "reset":
      return resetExercises(selected, layout, print);
    case "solution":
      for (const exercise of selected) {
        print(`${exercise.id}: ${displayPath(layout, join(exercise.dir, "solution"))}/`);
        for (const file of exercise.solutionFiles)
          print(`  ${displayPath(layout, join(exercise.dir, "solution", file))}`);
      }
      return 0;
  }
}

/**
 * The exercises a command acts on: those `query` names, or (no query) the whole catalog for --verify and the
 * first unsolved exercise otherwise ([] when all are solved). Undefined (after printing why) when the query
 * names nothing.
 */
function select(
  catalog: Exercise[],
  command: { kind: string; query: string | undefined },
  layout: ExercisesLayout,
  print: (line: string) => void,
): Exercise[] | undefined {
  if (command.query !== undefined) {
    const selected = selectExercises(catalog, command.query);
    if (selected.length === 0)
      print(`no exercise matches "${command.query}"; pnpm exercise --list shows them all`);
    return selected.length === 0 ? undefined : selected;
  }
  if (command.kind === "verify") return catalog;
  const read = readLearnerProgress(layout);
  if (!read.ok) print(`! ${read.problem}`);
  const next = firstUnsolved(catalog, read.ok ? read.progress : emptyProgress());
  return next === undefined ? [] : [next];
}

function listExercises(catalog: Exercise[], layout: ExercisesLayout, print: (line: string) => void): number {
  const read = readLearnerProgress(layout);
  if (!read.ok) print(`! ${read.problem}`);
  const progress = read.ok ? read.progress : emptyProgress();
  for (const exercise of catalog) {
    const mark = progress.solved[exercise.path] === undefined ? "·" : "✓";
    print(`${mark} ${exercise.id}  ${exercise.title}  (${displayPath(layout, exercise.dir)}/)`);
  }
  const solved = catalog.filter((exercise) => progress.solved[exercise.path] !== undefined).length;
  print(`${solved} of ${catalog.length} solved`);
  return 0;
}

function resetExercises(
  exercises: Exercise[],
  layout: ExercisesLayout,
  print: (line: string) => void,
): number {
  const read = readLearnerProgress(layout);
  let progress = read.ok ? read.progress : undefined;
  for (const exercise of exercises) {
    const target = workCopyOf(layout, exercise);
    const { backup } = resetWorkCopy(exercise, target);
    if (backup !== undefined) print(`${exercise.id}: your copy moved to ${displayPath(layout, backup)}/`);
    print(`${exercise.id}: fresh starter in ${displayPath(layout, target)}/`);
    if (progress) progress = withResult(progress, exercise.path, false);
  }
  if (progress) writeProgress(progressFileOf(layout), progress);
  else if (!read.ok) print(`! ${read.problem}`);
  return 0;
}

function ids(exercises: Exercise[]): string {
  return exercises.map((exercise) => exercise.id).join(", ");
}
