// What an edit_file or write_file call changed, as a coloured unified diff with line numbers: the file is
// read when the call starts and again when it ends successfully, and the two are compared (`diff`).
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { AgentEvent } from "@lcc/s02";
import { structuredPatch } from "diff";
import type { Colors } from "../terminal/colors.ts";
import { type PrintedLine, sanitizeTerminalText } from "./printed-lines.ts";

/** Files larger than this (before or after) get no diff. */
export const MAX_DIFF_FILE_BYTES = 256 * 1024;
/** Diff rows shown before "… +N lines". */
export const MAX_DIFF_ROWS = 40;
/** Unchanged lines shown around each change. */
const CONTEXT_LINES = 3;
/** A diff that takes longer than this to compute is not shown (a whole file rewritten, say). */
const DIFF_TIMEOUT_MS = 200;
/** The tools whose changes are shown as diffs. */
const FILE_TOOLS = new Set(["edit_file", "write_file"]);

type ToolStart = Extract<AgentEvent, { type: "tool_start" }>;
type ToolEnd = Extract<AgentEvent, { type: "tool_end" }>;

/** One row of a diff: a line removed (old number), added or unchanged (new number), or a gap between hunks. */
export interface DiffRow {
  kind: "remove" | "add" | "context" | "gap";
  number: number;
  text: string;
}

/**
 * The text of the regular file at `path`: "" when nothing is there (a file about to be created),
 * undefined when it cannot be shown (not a regular file, over MAX_DIFF_FILE_BYTES, binary, unreadable).
 * Never opens a FIFO or a device: the type is checked first.
 */
export function readForDiff(path: string): string | undefined {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return "";
    if (!stats.isFile() || stats.size > MAX_DIFF_FILE_BYTES) return undefined;
    const bytes = readFileSync(path);
    if (bytes.includes(0)) return undefined;
    return bytes.toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * The rows of the unified diff from `before` to `after` (3 lines of context, hunks separated by a gap
 * row); [] when they are equal; undefined when the diff is too costly to compute.
 */
export function buildDiffRows(before: string, after: string): DiffRow[] | undefined {
  const patch = structuredPatch("before", "after", before, after, undefined, undefined, {
    context: CONTEXT_LINES,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (!patch) return undefined;
  const rows: DiffRow[] = [];
  for (const hunk of patch.hunks) {
    if (rows.length > 0) rows.push({ kind: "gap", number: 0, text: "" });
    let oldNumber = hunk.oldStart;
    let newNumber = hunk.newStart;
    for (const line of hunk.lines) {
      const text = line.slice(1).replace(/\r$/, "");
      if (line.startsWith("-")) rows.push({ kind: "remove", number: oldNumber++, text });
      else if (line.startsWith("+")) rows.push({ kind: "add", number: newNumber++, text });
      else if (line.startsWith(" ")) {
        rows.push({ kind: "context", number: newNumber++, text });
        oldNumber++;
      }
    }
  }
  return rows;
}

/**
 * `rows` as printed lines under a tool result: "    12 - old text" in red, "    12 + new text" in
 * green, unchanged lines with a grey number, "⋮" between hunks; at most `maxRows`, then "… +N lines".
 */
export function renderDiffRows(
  rows: readonly DiffRow[],
  colors: Colors,
  maxRows = MAX_DIFF_ROWS,
): PrintedLine[] {
  const shown = rows.length > maxRows + 1 ? rows.slice(0, maxRows) : rows;
  const digits = Math.max(...shown.map((row) => String(row.number).length), 1);
  const lines = shown.map((row): PrintedLine => {
    const number = String(row.number).padStart(digits);
    const text = sanitizeTerminalText(row.text);
    if (row.kind === "gap") return { prefix: `    ${colors.gray(`${" ".repeat(digits - 1)}⋮`)}`, body: "" };
    if (row.kind === "context") return { prefix: `    ${colors.gray(number)}   `, body: text };
    const style = row.kind === "add" ? colors.green : colors.red;
    const sign = row.kind === "add" ? "+" : "-";
    return { prefix: `    ${style(`${number} ${sign}`)} `, body: style(text) };
  });
  const hidden = rows.length - shown.length;
  if (hidden > 0) lines.push({ prefix: "    ", body: colors.gray(`… +${hidden} lines`) });
  return lines;
}

/** Remembers files as edit_file/write_file calls start, and diffs them when the calls end. */
export interface EditDiffTracker {
  /** At tool_start: reads the file a file tool is about to change (other tools are ignored). */
  start(event: ToolStart): void;
  /** At tool_end: the diff lines of a successful call (none when nothing changed or no diff can be shown). */
  end(event: ToolEnd): PrintedLine[];
}

/** A tracker for files named relative to `workspace` (absolute paths are taken as they are). */
export function createEditDiffTracker(workspace: string, colors: Colors): EditDiffTracker {
  const started = new Map<string, { path: string; before: string | undefined }>();
  return {
    start(event) {
      const requested = (event.input as { path?: unknown } | undefined)?.path;
      if (!FILE_TOOLS.has(event.name) || typeof requested !== "string" || requested === "") return;
      const path = resolve(workspace, requested);
      started.set(event.id, { path, before: readForDiff(path) });
    },
    end(event) {
      const call = started.get(event.id);
      started.delete(event.id);
      if (!call || call.before === undefined || event.isError || event.interrupted) return [];
      const after = readForDiff(call.path);
      const rows = after === undefined ? undefined : buildDiffRows(call.before, after);
      return rows ? renderDiffRows(rows, colors) : [];
    },
  };
}
