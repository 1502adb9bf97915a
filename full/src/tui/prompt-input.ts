// What the user submitted at the prompt: a slash command, `!cmd` (run in the shell), `#text` (a memory),
// or a message whose `@path` mentions bring the files' text along. Files are only read, never run.

import { constants } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { compareText } from "@lcc/chapter-kit";
import { parseSlashCommand } from "@lcc/s02";

/** The submitted text, sorted by what it asks for. */
export type PromptInput =
  | { kind: "command"; line: string }
  | { kind: "shell"; command: string }
  | { kind: "memory"; text: string }
  | {
      kind: "message";
      /** The text alone when nothing was attached; else the text then one block per attachment. */
      content: string | Anthropic.ContentBlockParam[];
      /** The mentions attached, as shown in their blocks ("src/a.ts", "src/"). */
      attached: string[];
      /** One line per mention not attached (or cut), for the user: "@x: no such file". */
      problems: string[];
    };

/** Bytes of one file attached at most; a longer file is cut at a line end, with a note. */
export const MENTION_MAX_BYTES = 256 * 1024;
/** Bytes attached to one message at most, all mentions together. */
export const MESSAGE_ATTACH_MAX_BYTES = 1024 * 1024;
/** Entries of a mentioned folder listed at most. */
export const FOLDER_LIST_MAX = 500;

/** `@path` or `@"path with spaces"` at the start of a word; "me@host" is not a mention. */
const MENTION = /(?<=^|\s)@(?:"([^"\n]+)"|([^\s"]+))/g;
/** Punctuation that ends a sentence rather than the path: "look at @a.ts, then". */
const TRAILING_PUNCTUATION = /[,.;:!?)\]}'"]+$/;

/**
 * Sorts the submitted text. "/name …" is a command ("/tmp/x is odd" is not); "!cmd" a shell command; a
 * one-line "#text" a memory (a multi-line text starting with "#" is a message: a pasted Markdown
 * document). Anything else is a message: each `@path` (relative to the workspace, absolute, or "~/…")
 * naming a regular file attaches its text, a folder its listing; FIFOs, sockets and devices are never
 * opened, binary files are refused, a file over MENTION_MAX_BYTES is cut. Never throws.
 */
export async function readPromptInput(text: string, options: { workspace: string }): Promise<PromptInput> {
  const trimmed = text.trim();
  if (parseSlashCommand(trimmed)) return { kind: "command", line: trimmed };
  if (trimmed.startsWith("!") && trimmed.slice(1).trim() !== "") {
    return { kind: "shell", command: trimmed.slice(1).trim() };
  }
  if (trimmed.startsWith("#") && !trimmed.includes("\n") && trimmed.slice(1).trim() !== "") {
    return { kind: "memory", text: trimmed.slice(1).trim() };
  }
  return readMessage(text, options.workspace);
}

/** The mentioned paths as typed (quotes removed), in order, each once. */
export function findMentions(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const path = match[1] ?? match[2];
    if (path) found.add(path);
  }
  return [...found];
}

/** A mention read: the block to attach, or why not. */
type Reading = { block: string; shown: string; bytes: number; note?: string } | { problem: string };

async function readMessage(text: string, workspace: string): Promise<PromptInput> {
  const blocks: Anthropic.TextBlockParam[] = [];
  const attached: string[] = [];
  const problems: string[] = [];
  let budget = MESSAGE_ATTACH_MAX_BYTES;
  for (const mention of findMentions(text)) {
    const reading = await readMention(mention, workspace, budget);
    if ("problem" in reading) {
      problems.push(`@${mention}: ${reading.problem}`);
      continue;
    }
    if (attached.includes(reading.shown)) continue;
    blocks.push({ type: "text", text: reading.block });
    attached.push(reading.shown);
    budget -= reading.bytes;
    if (reading.note) problems.push(`@${mention}: ${reading.note}`);
  }
  const content = blocks.length === 0 ? text : [{ type: "text" as const, text }, ...blocks];
  return { kind: "message", content, attached, problems };
}

/** Reads one mention; a path that does not exist is tried again without trailing punctuation. */
async function readMention(mention: string, workspace: string, budget: number): Promise<Reading> {
  const first = await readPath(mention, workspace, budget);
  const bare = mention.replace(TRAILING_PUNCTUATION, "");
  if ("problem" in first && first.problem === "no such file" && bare !== "" && bare !== mention) {
    return readPath(bare, workspace, budget);
  }
  return first;
}

async function readPath(typed: string, workspace: string, budget: number): Promise<Reading> {
  const path =
    typed === "~" || typed.startsWith("~/") ? join(homedir(), typed.slice(1)) : resolve(workspace, typed);
  const inside = relative(workspace, path);
  const outside = inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  const shown = inside === "" ? "." : outside ? path : inside;
  let stats: Awaited<ReturnType<typeof stat>>;
  try {
    stats = await stat(path); // decide from the kind before anything is opened
  } catch {
    return { problem: "no such file" };
  }
  if (stats.isDirectory()) return listFolder(path, shown);
  if (!stats.isFile()) return { problem: "not a regular file (a FIFO, socket or device is never read)" };
  return readFile(path, shown, budget);
}

/** Reads a regular file whole, or its first MENTION_MAX_BYTES; refused when that would pass `budget`. */
async function readFile(path: string, shown: string, budget: number): Promise<Reading> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // Non-blocking and checked again: the path may have been swapped for a FIFO since stat().
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    const stats = await handle.stat();
    if (!stats.isFile()) return { problem: "not a regular file (a FIFO, socket or device is never read)" };
    const wanted = Math.min(stats.size, MENTION_MAX_BYTES);
    if (wanted > budget) {
      return {
        problem: `not attached: over the ${formatBytes(MESSAGE_ATTACH_MAX_BYTES)} one message may carry`,
      };
    }
    const buffer = Buffer.alloc(wanted);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let bytes = buffer.subarray(0, bytesRead);
    if (bytes.subarray(0, 8192).includes(0)) return { problem: "binary file, not attached" };
    const cut = stats.size > bytesRead;
    if (cut) {
      const lastNewline = bytes.lastIndexOf(10);
      if (lastNewline > 0) bytes = bytes.subarray(0, lastNewline + 1);
    }
    const body = bytes.toString("utf8");
    const note = cut
      ? `cut to its first ${formatBytes(bytes.length)} of ${formatBytes(stats.size)}`
      : undefined;
    const ending = body.endsWith("\n") ? "" : "\n";
    const tail = cut
      ? `[… cut: the first ${formatBytes(bytes.length)} of ${formatBytes(stats.size)} shown]\n`
      : "";
    const block = `<file path="${escapeAttribute(shown)}">\n${body}${ending}${tail}</file>`;
    return { block, shown, bytes: bytes.length, ...(note ? { note } : {}) };
  } catch (error) {
    return {
      problem: `unreadable (${error instanceof Error && "code" in error ? String(error.code) : "error"})`,
    };
  } finally {
    await handle?.close().catch(() => {});
  }
}

async function listFolder(path: string, shown: string): Promise<Reading> {
  try {
    const entries = await readdir(path, { withFileTypes: true });
    const names = entries
      .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
      .sort((left, right) => compareText(left, right));
    const listed = names.slice(0, FOLDER_LIST_MAX);
    const more = names.length > listed.length ? `… ${names.length - listed.length} more\n` : "";
    const folder = shown.endsWith("/") ? shown : `${shown}/`;
    const body = `${listed.join("\n")}${listed.length > 0 ? "\n" : ""}${more}`;
    const block = `<directory path="${escapeAttribute(folder)}">\n${body}</directory>`;
    return { block, shown: folder, bytes: Buffer.byteLength(body) };
  } catch {
    return { problem: "unreadable folder" };
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}
