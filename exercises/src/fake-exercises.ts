// Test helper: a tiny exercise catalog written into a temp folder under exercises/verify-runs/ (so vitest and the
// @lcc packages resolve from it), with a layout pointing the runner at it. Each exercise is `add(a, b)`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { createLayout, EXERCISES_ROOT, type ExercisesLayout } from "./exercises-layout.ts";

export const ADD_RIGHT = "export function add(a: number, b: number): number {\n  return a + b;\n}\n";
export const ADD_WRONG = "export function add(a: number, b: number): number {\n  return a * 0 + b * 0;\n}\n";
export const ADD_TEST = [
  'import { expect, it } from "vitest";',
  'import { add } from "./add.ts";',
  'it("adds two numbers", () => {',
  "  expect(add(2, 3)).toBe(5);",
  "});",
  "",
].join("\n");

export interface FakeExercise {
  /** `<chapter>/<name>`, e.g. `s01-alpha/01-good`. */
  path: string;
  /** README.md's text; a default with a title and a Goal section when omitted. */
  readme?: string;
  starter: Record<string, string>;
  solution: Record<string, string>;
  /** Shared files (tests, fixtures) by path relative to the exercise folder. */
  shared?: Record<string, string>;
}

export interface FakeCatalog {
  root: string;
  layout: ExercisesLayout;
  /** Removes the temp folder. */
  remove: () => void;
}

/** Writes `exercises` (plus a tsconfig for the solution copies) into a fresh folder; the caller removes it. */
export function createFakeCatalog(exercises: FakeExercise[]): FakeCatalog {
  const parent = join(EXERCISES_ROOT, "verify-runs");
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, "runner-test-"));
  for (const exercise of exercises) {
    const dir = join(root, exercise.path);
    const title = exercise.path.split("/")[1] ?? exercise.path;
    writeFiles(dir, { "README.md": exercise.readme ?? `# Title of ${title}\n\n## Goal\nMake add work.\n` });
    writeFiles(join(dir, "starter"), exercise.starter);
    writeFiles(join(dir, "solution"), exercise.solution);
    writeFiles(dir, exercise.shared ?? { "add.test.ts": ADD_TEST });
  }
  const base = relative(root, join(dirname(EXERCISES_ROOT), "tsconfig.base.json"));
  const verifyTsconfig = join(root, "tsconfig.verify.json");
  writeFileSync(verifyTsconfig, JSON.stringify({ extends: base, include: ["verify-runs/solution/**/*.ts"] }));
  return {
    root,
    layout: createLayout(root, { verifyTsconfig }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Writes `files` (relative path → text) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}
