// The exercise catalog: every `sNN-<chapter>/NN-<slug>/` folder in chapter order, with its title and goal
// (from README.md), its starter, solution and test files, and what is wrong with its layout, if anything.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";

export interface Exercise {
  /** Short id the learner types: `s02/01`. */
  id: string;
  /** Chapter folder name, e.g. `s02-tool-use`. */
  chapter: string;
  /** Exercise folder name, e.g. `01-count-lines-tool`. */
  name: string;
  /** `<chapter>/<name>`: the folder's place under the exercises root, `work/` and `verify-runs/*`. */
  path: string;
  /** Absolute path of the exercise folder. */
  dir: string;
  /** README.md's first line without `# ` (the folder name when there is none). */
  title: string;
  /** The text of README.md's `## Goal` section ("" when there is none). */
  goal: string;
  /** Files of `starter/`, relative to it, forward slashes, sorted. */
  starterFiles: string[];
  /** Files of `solution/`, relative to it, forward slashes, sorted. */
  solutionFiles: string[];
  /** Everything else a run copies (tests, fixtures), relative to the exercise folder, sorted. */
  sharedFiles: string[];
  /** Layout mistakes (no README title, no starter/, starter and solution differ, no test file…). */
  problems: string[];
}

const CHAPTER_FOLDER = /^s(\d\d)-[\w-]+$/;
const EXERCISE_FOLDER = /^(\d\d)-[\w-]+$/;
const README = /^README(\.[\w-]+)?\.md$/;

/**
 * Reads the catalog under `root`: chapter folders `sNN-*` sorted by name, exercise folders `NN-*` sorted by
 * name inside each. Other folders (src/, work/, verify-runs/, node_modules/) are ignored. Never throws for a
 * malformed exercise: its `problems` say what is wrong.
 */
export function createCatalog(root: string): Exercise[] {
  const exercises: Exercise[] = [];
  for (const chapter of subfolders(root).filter((name) => CHAPTER_FOLDER.test(name))) {
    for (const name of subfolders(join(root, chapter)).filter((entry) => EXERCISE_FOLDER.test(entry))) {
      exercises.push(readExercise(root, chapter, name));
    }
  }
  for (const exercise of exercises) {
    const twins = exercises.filter((other) => other.id === exercise.id && other !== exercise);
    if (twins.length > 0)
      exercise.problems.push(`id ${exercise.id} also names ${twins.map((twin) => twin.path).join(", ")}`);
  }
  return exercises;
}

/**
 * The exercises a command line names: `s02` or `s02-tool-use` (a chapter), `s02/01`, `s02/01-count-lines-tool`
 * or `s02-tool-use/01-count-lines-tool` (one exercise), in catalog order. Empty when nothing matches.
 */
export function selectExercises(catalog: Exercise[], query: string): Exercise[] {
  const [chapterPart = "", namePart, ...rest] = query
    .replace(/^exercises\//, "")
    .replace(/\/+$/, "")
    .split("/");
  if (rest.length > 0) return [];
  return catalog.filter(
    (exercise) =>
      matchesFolder(exercise.chapter, chapterPart) &&
      (namePart === undefined || matchesFolder(exercise.name, namePart)),
  );
}

/** A folder name matches its full name or its number prefix (`s02`, `01`). */
function matchesFolder(folder: string, part: string): boolean {
  return folder === part || folder.split("-")[0] === part;
}

function readExercise(root: string, chapter: string, name: string): Exercise {
  const dir = join(root, chapter, name);
  const problems: string[] = [];
  const readme = join(dir, "README.md");
  const text = existsSync(readme) ? readFileSync(readme, "utf8") : undefined;
  const firstLine = text?.split("\n", 1)[0] ?? "";
  const title = firstLine.startsWith("# ") ? firstLine.slice(2).trim() : name;
  if (text === undefined) problems.push("no README.md");
  else if (!firstLine.startsWith("# ")) problems.push('README.md does not start with "# <title>"');

  const starterFiles = filesUnder(join(dir, "starter"));
  const solutionFiles = filesUnder(join(dir, "solution"));
  const sharedFiles = filesUnder(dir).filter(
    (file) => !README.test(file) && !file.startsWith("starter/") && !file.startsWith("solution/"),
  );
  if (starterFiles.length === 0) problems.push("no files in starter/");
  if (solutionFiles.length === 0) problems.push("no files in solution/");
  if (starterFiles.join("\n") !== solutionFiles.join("\n")) {
    problems.push(`starter/ and solution/ hold different files (${starterFiles} vs ${solutionFiles})`);
  }
  if (!sharedFiles.some((file) => file.endsWith(".test.ts"))) problems.push("no *.test.ts file");

  const number = EXERCISE_FOLDER.exec(name)?.[1] ?? name;
  return {
    id: `${chapter.split("-")[0]}/${number}`,
    chapter,
    name,
    path: `${chapter}/${name}`,
    dir,
    title,
    goal: text === undefined ? "" : sectionText(text, "Goal"),
    starterFiles,
    solutionFiles,
    sharedFiles,
    problems,
  };
}

/** The body of a `## <heading>` section, trimmed ("" when the section is missing). */
function sectionText(markdown: string, heading: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) return "";
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join("\n")
    .trim();
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Files below `dir`, relative to it with forward slashes, sorted; [] when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((entry) => statSync(join(dir, entry)).isFile())
    .map((entry) => entry.split(sep).join("/"))
    .sort();
}
