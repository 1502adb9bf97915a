// Instruction files as Claude Code reads them: ~/.claude/CLAUDE.md, then from the repository root down
// to the workspace each folder's CLAUDE.md, .claude/CLAUDE.md, AGENTS.md and CLAUDE.local.md, each
// followed by the files it @imports. Bounded reads; a problem is reported, never fatal.
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { formatCount, readConfigFileSync } from "@lcc/chapter-kit";
import { isInside } from "@lcc/s02";
import { findImports } from "./markdown-imports.ts";

/** How many hops of @imports are followed (a file imported by an imported file is 2). */
export const MAX_IMPORT_DEPTH = 4;

/** A file longer than this is read, with a warning: every request of every session carries it. */
export const LARGE_INSTRUCTION_FILE_CHARS = 40_000;

/** Where a file comes from: the user's own, the project's (checked in), the user's private one for this project, an import. */
export type InstructionKind = "user" | "project" | "local" | "import";

export interface InstructionFile {
  /** Absolute path as found (not resolved through symlinks). */
  path: string;
  kind: InstructionKind;
  text: string;
  /** 0 for a file read in its own right; n for a file imported n hops away. */
  depth: number;
  /** The file whose @import brought this one in. */
  importedBy?: string;
}

export interface InstructionFiles {
  files: InstructionFile[];
  /** One line per problem, naming the file: a cycle, an import too deep, a missing or unreadable file. */
  problems: string[];
}

export interface InstructionSearch {
  workspace: string;
  /** The git toplevel; undefined: the workspace is the only folder searched. */
  root?: string;
  /** The user's home (~/.claude/CLAUDE.md, `@~/…` imports). */
  home: string;
}

/** The files looked for, in the order they enter the prompt (general first, most specific last). */
export function instructionCandidates(
  search: InstructionSearch,
): Array<{ path: string; kind: InstructionKind }> {
  const candidates: Array<{ path: string; kind: InstructionKind }> = [
    { path: join(search.home, ".claude", "CLAUDE.md"), kind: "user" },
  ];
  for (const folder of foldersFromRoot(search)) {
    candidates.push(
      { path: join(folder, "CLAUDE.md"), kind: "project" },
      { path: join(folder, ".claude", "CLAUDE.md"), kind: "project" },
      { path: join(folder, "AGENTS.md"), kind: "project" },
      { path: join(folder, "CLAUDE.local.md"), kind: "local" },
    );
  }
  return candidates;
}

/**
 * Reads every candidate that exists and follows its @imports (relative to the importing file, `~/` =
 * home, absolute) depth-first, each imported file right after its importer. A file is included once,
 * however it is reached (AGENTS.md imported by CLAUDE.md is not read twice); an import back into the
 * chain is a cycle; imports beyond MAX_IMPORT_DEPTH are not read; a project file's import outside the
 * repository root (the workspace outside a repository) and ~/.claude is not read. All of these are reported in
 * `problems`, as are unreadable files (FIFO, over 1 MB, binary) and, though read, files over
 * LARGE_INSTRUCTION_FILE_CHARS. Never throws.
 */
export function loadInstructionFiles(search: InstructionSearch): InstructionFiles {
  const files: InstructionFile[] = [];
  const problems: string[] = [];
  const included = new Set<string>();
  const show = (path: string) => displayPath(path, search);

  // A repository's files may import only from the project and ~/.claude: a cloned CLAUDE.md must not pull
  // ~/.ssh or /etc into the prompt. The user's own ~/.claude/CLAUDE.md may import anything.
  const projectRoots = [foldersFromRoot(search)[0] ?? search.workspace, join(search.home, ".claude")].map(
    (folder) => realPath(folder) ?? folder,
  );
  const include = (
    path: string,
    kind: InstructionKind,
    depth: number,
    chain: readonly string[],
    importer?: string,
    roots?: readonly string[],
  ) => {
    const real = realPath(path);
    if (roots && !roots.some((root) => isInside(root, real ?? path))) {
      // A repository's CLAUDE.md may itself be a link to ~/.ssh/id_rsa: the same rule as for its imports.
      problems.push(
        importer
          ? `${show(importer)}: @import of ${show(path)} is outside the project; not read (a project file may import only from the project and ~/.claude)`
          : `${show(path)} is a link to ${real ?? path}, outside the project; not read`,
      );
      return;
    }
    if (real && chain.includes(real)) {
      problems.push(`${show(importer ?? path)}: @import of ${show(path)} is a cycle; not read again`);
      return;
    }
    if (real && included.has(real)) return;
    const read = readConfigFileSync(path);
    if (!read.ok) {
      if (read.skip.kind === "missing" && !importer) return;
      const what = importer ? `${show(importer)}: @import of ${show(path)}` : show(path);
      problems.push(`${what} ${read.skip.kind === "missing" ? "does not exist" : read.reason}; skipped`);
      return;
    }
    if (read.text.includes("\u0000")) {
      problems.push(`${show(path)} is not a text file; skipped`);
      return;
    }
    included.add(real ?? path);
    if (read.text.length > LARGE_INSTRUCTION_FILE_CHARS)
      problems.push(
        `${show(path)} is ${formatCount(read.text.length)} characters (over ${formatCount(LARGE_INSTRUCTION_FILE_CHARS)}): every request carries it; consider trimming it`,
      );
    files.push({ path, kind, text: read.text, depth, ...(importer ? { importedBy: importer } : {}) });
    for (const target of findImports(read.text)) {
      const resolved = resolveImport(target, path, search.home);
      if (depth + 1 > MAX_IMPORT_DEPTH) {
        problems.push(
          `${show(path)}: @import of ${show(resolved)} is more than ${MAX_IMPORT_DEPTH} imports deep; not read`,
        );
        continue;
      }
      include(resolved, "import", depth + 1, [...chain, real ?? path], path, roots);
    }
  };

  for (const candidate of instructionCandidates(search))
    include(
      candidate.path,
      candidate.kind,
      0,
      [],
      undefined,
      candidate.kind === "user" ? undefined : projectRoots,
    );
  return { files, problems };
}

/** `~/x` → home/x; absolute stays; anything else is relative to the importing file's folder. */
export function resolveImport(target: string, importer: string, home: string): string {
  if (target.startsWith("~/")) return join(home, target.slice(2));
  return isAbsolute(target) ? target : resolve(dirname(importer), target);
}

/** How the prompt and /prompt name a file: `~/…` under home, relative inside the workspace, else absolute. */
export function displayPath(path: string, search: Pick<InstructionSearch, "workspace" | "home">): string {
  if (path !== search.workspace && isInside(search.workspace, path)) return relative(search.workspace, path);
  if (path !== search.home && isInside(search.home, path)) return `~/${relative(search.home, path)}`;
  return path;
}

/** The root, then each folder down to the workspace; only the workspace when it is not inside the root. */
function foldersFromRoot(search: InstructionSearch): string[] {
  const workspace = realPath(search.workspace) ?? search.workspace;
  const root = search.root ? (realPath(search.root) ?? search.root) : undefined;
  if (root === undefined || !isInside(root, workspace)) return [search.workspace];
  const folders = [root];
  for (const part of relative(root, workspace).split(sep).filter(Boolean))
    folders.push(join(folders.at(-1) ?? root, part));
  return folders;
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
