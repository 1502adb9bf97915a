// Where the exercise runner finds things: the exercises folder, the learner's work copies, the verify copies,
// the vitest config and the verify tsconfig. Tests pass their own root; the CLI uses the real folder.
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export interface ExercisesLayout {
  /** Folder holding the `sNN-<chapter>/NN-<slug>/` exercise folders. */
  root: string;
  /** The repository root: commands run there and printed paths are relative to it. */
  repoRoot: string;
  /** The learner's copies, `work/<chapter>/<exercise>/`, and `progress.json`. */
  workDir: string;
  /** `--verify` copies, `verify-runs/{starter,solution}/<chapter>/<exercise>/`. */
  verifyDir: string;
  /** The vitest config that runs tests under `workDir` and `verifyDir`. */
  vitestConfig: string;
  /** The tsconfig that type-checks `verifyDir/solution/**`. */
  verifyTsconfig: string;
}

/** The real `exercises/` folder of this repository. */
export const EXERCISES_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The layout of an exercises folder. Defaults: the real `exercises/` folder, the repository above it, its
 * `vitest.config.ts` and `tsconfig.verify.json`; any field can be overridden (tests build a fake catalog).
 */
export function createLayout(
  root: string = EXERCISES_ROOT,
  overrides: Partial<ExercisesLayout> = {},
): ExercisesLayout {
  return {
    root,
    repoRoot: dirname(EXERCISES_ROOT),
    workDir: join(root, "work"),
    verifyDir: join(root, "verify-runs"),
    vitestConfig: join(EXERCISES_ROOT, "vitest.config.ts"),
    verifyTsconfig: join(EXERCISES_ROOT, "tsconfig.verify.json"),
    ...overrides,
  };
}

/** A path as the learner types it from the repository root (forward slashes). */
export function displayPath(layout: ExercisesLayout, path: string): string {
  return relative(layout.repoRoot, path).split(sep).join("/");
}
