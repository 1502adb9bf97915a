// Checks the docs against the repository: named paths exist, `pnpm` commands are defined, chapters have docs.
// Used by scripts/docs.test.ts; every check returns problems as data (file, line, message), never throws.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { findPnpmCommands, type MarkdownScan, pathWordsOf, scanMarkdown } from "./markdown-references.ts";

export interface Problem {
  /** Repository-relative path of the doc. */
  file: string;
  line: number;
  message: string;
}

export interface WorkspacePackage {
  name: string;
  /** Repository-relative directory ("" for the root package). */
  dir: string;
  scripts: Record<string, string>;
}

export interface DocFile {
  file: string;
  text: string;
  scan: MarkdownScan;
}

/** The READMEs every checkout must have; a missing one is a problem, never a silent skip. */
export const REQUIRED_DOCS = ["README.md", "README.zh.md"];

const REPO_PATH_PREFIXES = [
  "chapters/",
  "chapter-kit/",
  "full/",
  "testkit/",
  "docs/",
  "bench/",
  "scripts/",
  "skills/",
  ".claude/",
  ".ci/",
];
const ROOT_FILE =
  /^(package\.json|pnpm-[\w.-]+\.yaml|tsconfig(\.[\w-]+)?\.json|vitest\.config\.ts|biome\.json|\.env\.[\w.-]+|\.gitignore|README(\.[\w-]+)?\.md|LICENSE)$/;
/** `pnpm` subcommands that are not scripts and need no definition. */
const PNPM_BUILTINS = new Set(["install", "i", "exec", "dlx", "add"]);
/** Words that are templates or examples, not references: globs, placeholders, elisions, variables. */
const PLACEHOLDER = /[*<>{}$…]|\.\.\.|sNN/;

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/**
 * README.md, README.zh.md (when present), the README.md of every workspace package that has one
 * (chapter-kit/, each chapter folder, …) and every Markdown file under docs/, sorted.
 */
export function readDocs(root: string): DocFile[] {
  const files = REQUIRED_DOCS.filter((file) => existsSync(join(root, file)));
  files.push(...packageReadmes(root));
  const docsDir = join(root, "docs");
  if (existsSync(docsDir)) {
    const entries = readdirSync(docsDir, { recursive: true, encoding: "utf8" });
    for (const entry of entries.sort()) {
      if (entry.endsWith(".md")) files.push(["docs", ...entry.split(sep)].join("/"));
    }
  }
  return files.map((file) => {
    const text = readFileSync(join(root, file), "utf8");
    return { file, text, scan: scanMarkdown(text) };
  });
}

/** `<dir>/README.md` of each workspace package (not the root) that has one, in workspace order. */
export function packageReadmes(root: string): string[] {
  return readWorkspacePackages(root)
    .filter((pkg) => pkg.dir !== "")
    .map((pkg) => `${pkg.dir}/README.md`)
    .filter((file) => existsSync(join(root, file)));
}

/** Each chapter folder needs a README.md (what it adds, how to run it, links to its docs). */
export function missingChapterReadmes(root: string): Problem[] {
  return chapterDirs(root)
    .map((dir) => `chapters/${dir}/README.md`)
    .filter((file) => !existsSync(join(root, file)))
    .map((file) => ({ file, line: 0, message: "chapter folder has no README.md" }));
}

export function missingRequiredDocs(root: string): Problem[] {
  return REQUIRED_DOCS.filter((file) => !existsSync(join(root, file))).map((file) => ({
    file,
    line: 0,
    message: "required file is missing",
  }));
}

/** True when a cleaned word from a code span names a file or folder of this repository. */
export function isRepoPath(word: string): boolean {
  if (word.includes("://") || PLACEHOLDER.test(word)) return false;
  if (word === ".lcc" || word.startsWith(".lcc/")) return false;
  return REPO_PATH_PREFIXES.some((prefix) => word.startsWith(prefix)) || ROOT_FILE.test(word);
}

/** Repository paths named in code spans must exist; relative links must resolve from the doc's folder. */
export function checkPaths(root: string, doc: DocFile): Problem[] {
  const problems: Problem[] = [];
  for (const span of doc.scan.codeSpans) {
    for (const word of pathWordsOf(span.text)) {
      if (isRepoPath(word) && !existsSync(join(root, word))) {
        problems.push({ file: doc.file, line: span.line, message: `path does not exist: ${word}` });
      }
    }
  }
  for (const link of doc.scan.linkTargets) {
    const message = linkProblem(root, doc.file, link.text);
    if (message) problems.push({ file: doc.file, line: link.line, message });
  }
  return problems;
}

function linkProblem(root: string, file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#") || target.startsWith("//")) return;
  let path = target.replace(/[#?].*$/, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    return `link target is not valid URL encoding: ${target}`;
  }
  const absolute = path.startsWith("/") ? join(root, path) : resolve(root, dirname(file), path);
  const inside = relative(root, absolute);
  if (inside.startsWith("..")) return `link points outside the repository: ${target}`;
  if (!existsSync(absolute)) {
    const resolved =
      inside === path.replace(/\/$/, "") ? "" : ` (links resolve from the doc's folder: ${inside})`;
    return `link target does not exist: ${target}${resolved}`;
  }
  return;
}

/** Every `pnpm` command in code spans and shell blocks must name a script the workspace defines. */
export function checkCommands(doc: DocFile, packages: readonly WorkspacePackage[]): Problem[] {
  const problems: Problem[] = [];
  for (const source of [...doc.scan.codeSpans, ...doc.scan.shellLines]) {
    for (const args of findPnpmCommands(source.text)) {
      const message = pnpmProblem(args, packages);
      if (message) problems.push({ file: doc.file, line: source.line, message });
    }
  }
  return problems.sort((left, right) => left.line - right.line);
}

/**
 * Why `pnpm <args>` would fail in this workspace, or undefined when it is defined. `--filter X`
 * matches a package named X or `@lcc/X` (or a `./dir`), whose package.json must have the script;
 * without a filter the root package.json must have it. install, i, exec, dlx, add and -r are allowed.
 */
export function pnpmProblem(
  args: readonly string[],
  packages: readonly WorkspacePackage[],
): string | undefined {
  const shown = `pnpm ${args.join(" ")}`;
  const filters: string[] = [];
  let index = 0;
  while (args[index]?.startsWith("-")) {
    const flag = args[index] ?? "";
    if (flag === "-r" || flag === "--recursive") return;
    if (flag === "--filter" || flag === "-F") {
      filters.push(args[index + 1] ?? "");
      index += 2;
    } else {
      if (flag.startsWith("--filter=")) filters.push(flag.slice("--filter=".length));
      index += 1;
    }
  }
  let command = args[index];
  if (command === "run") command = args[index + 1];
  const targets = [];
  for (const filter of filters) {
    const matched = packages.filter((pkg) => matchesFilter(pkg, filter));
    if (matched.length === 0)
      return `${shown}: no workspace package is named "${filter}" or "@lcc/${filter}"`;
    targets.push(...matched);
  }
  if (command === undefined || PNPM_BUILTINS.has(command)) return;
  if (filters.length === 0) {
    const rootPackage = packages.find((pkg) => pkg.dir === "");
    if (!rootPackage?.scripts[command]) return `${shown}: the root package.json has no script "${command}"`;
    return;
  }
  if (!targets.some((pkg) => pkg.scripts[command] !== undefined)) {
    const names = targets.map((pkg) => pkg.name).join(", ");
    return `${shown}: ${names} has no script "${command}"`;
  }
  return;
}

function matchesFilter(pkg: WorkspacePackage, rawFilter: string): boolean {
  const filter = rawFilter.replace(/^["'!]+|["']+$/g, "").replace(/^\.\.\.|\^?\.\.\.$/g, "");
  // A placeholder (`--filter sNN`, `--filter <chapter>`, `--filter …`) stands for any chapter.
  if (/sNN|[<>…]/.test(filter)) return pkg.dir.startsWith("chapters/");
  if (filter.startsWith(".") || filter.startsWith("{")) {
    const dir = filter
      .replace(/^\{|\}$/g, "")
      .replace(/^\.\/?/, "")
      .replace(/\/$/, "");
    return pkg.dir === dir;
  }
  if (pkg.dir === "") return false;
  if (filter.includes("*")) {
    const pattern = new RegExp(`^${filter.split("*").map(escapeRegExp).join(".*")}$`);
    return pattern.test(pkg.name) || pattern.test(pkg.name.replace(/^@lcc\//, ""));
  }
  return pkg.name === filter || pkg.name === `@lcc/${filter}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

/** The root package plus every package matched by pnpm-workspace.yaml (`dir` or `dir/*` entries). */
export function readWorkspacePackages(root: string): WorkspacePackage[] {
  const packages = [readPackage(root, "")];
  for (const pattern of workspacePatterns(root)) {
    const dirs = pattern.endsWith("/*") ? subdirectories(root, pattern.slice(0, -2)) : [pattern];
    for (const dir of dirs) {
      if (existsSync(join(root, dir, "package.json"))) packages.push(readPackage(root, dir));
    }
  }
  return packages.filter((pkg): pkg is WorkspacePackage => pkg !== undefined);
}

function workspacePatterns(root: string): string[] {
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of readFileSync(join(root, "pnpm-workspace.yaml"), "utf8").split("\n")) {
    if (/^\S/.test(line)) inPackages = line.startsWith("packages:");
    const entry = /^\s+-\s+["']?([^"'\s]+)["']?/.exec(line);
    if (inPackages && entry?.[1]) patterns.push(entry[1].replace(/\/$/, ""));
  }
  return patterns;
}

function subdirectories(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir))
    .filter((name) => statSync(join(root, dir, name)).isDirectory())
    .sort()
    .map((name) => `${dir}/${name}`);
}

function readPackage(root: string, dir: string): WorkspacePackage | undefined {
  const json: unknown = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
  if (typeof json !== "object" || json === null) return undefined;
  const record = json as { name?: unknown; scripts?: unknown };
  const scripts = typeof record.scripts === "object" && record.scripts !== null ? record.scripts : {};
  return {
    name: typeof record.name === "string" ? record.name : dir,
    dir,
    scripts: scripts as Record<string, string>,
  };
}

/** Folder names of the chapter packages (chapters/<dir>/package.json exists), sorted. */
export function chapterDirs(root: string): string[] {
  return subdirectories(root, "chapters")
    .filter((dir) => existsSync(join(root, dir, "package.json")))
    .map((dir) => dir.slice("chapters/".length));
}

/** Each chapter package needs docs/en/<dir>.md and docs/zh/<dir>.md, each with a Mermaid block. */
export function checkChapterDocs(
  root: string,
  docs: readonly DocFile[],
): { missing: Problem[]; noDiagram: Problem[] } {
  const missing: Problem[] = [];
  const noDiagram: Problem[] = [];
  for (const dir of chapterDirs(root)) {
    for (const language of ["en", "zh"]) {
      const file = `docs/${language}/${dir}.md`;
      const doc = docs.find((candidate) => candidate.file === file);
      if (!doc) missing.push({ file, line: 0, message: `chapters/${dir} has no ${language} doc` });
      else if (doc.scan.mermaidBlocks === 0)
        noDiagram.push({ file, line: 0, message: "chapter doc has no ```mermaid block" });
    }
  }
  return { missing, noDiagram };
}

/** The word that marks a not-yet-written chapter in each architecture page's chapter table. */
export const PLANNED_MARKERS: Record<string, string> = {
  "docs/en/architecture.md": "planned",
  "docs/zh/architecture.md": "计划中",
};

/** In the architecture pages, a table row for chapter sNN says "planned" exactly when it has no package. */
export function checkChapterStatus(root: string, docs: readonly DocFile[]): Problem[] {
  const dirs = chapterDirs(root);
  const problems: Problem[] = [];
  for (const doc of docs) {
    const marker = PLANNED_MARKERS[doc.file];
    if (!marker) continue;
    doc.text.split("\n").forEach((row, index) => {
      const number = /^\|\s*[*[`]*s(\d{2})\b/.exec(row)?.[1];
      if (!number) return;
      const dir = dirs.find((candidate) => candidate.startsWith(`s${number}-`));
      const planned = row.includes(marker);
      const line = index + 1;
      if (dir && planned)
        problems.push({
          file: doc.file,
          line,
          message: `chapters/${dir} exists but the row says "${marker}"`,
        });
      if (!dir && !planned)
        problems.push({
          file: doc.file,
          line,
          message: `s${number} has no package yet; mark the row "${marker}"`,
        });
    });
  }
  return problems;
}
