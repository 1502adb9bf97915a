// Reading sessions back: replay a JSONL log into the exact history, repair a turn cut by a crash,
// list sessions and find one by id prefix. Continuing one (lock, torn line) is resume-session.ts.

import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { compareText } from "@lcc/chapter-kit";
import { appendUserContent, type MessageParam } from "@lcc/s01";
import type { TokenUsage } from "./cost.ts";
import type { SessionLock } from "./session-lock.ts";
import type { SessionRecord } from "./session-log.ts";

/** What the model reads for a tool call the previous process never finished. */
export const SESSION_INTERRUPTED_MESSAGE =
  "Interrupted: the session ended (the process stopped) before this tool call finished. It may have partly run.";

export class SessionReadError extends Error {
  override name = "SessionReadError";
}

export interface LoadedSession {
  id: string;
  path: string;
  messages: MessageParam[];
  model?: string;
  /** Tool calls answered as interrupted because the log ended mid-turn. */
  repairedToolUseIds: string[];
  /** The usage the API reported for the session's last request since its last history rewrite (/context's size). */
  lastUsage?: TokenUsage;
  /**
   * From resumeSession: this process's lock on the session. Hand the LoadedSession to
   * createAgentSession / AgentSession.resume (its log adopts the lock and releases it on close or on
   * switching sessions), or call `lock.release()` if it is not used.
   */
  lock?: SessionLock;
  /** A record cut off by a crash that resumeSession moved out of the session file. */
  tornTail?: { path: string; bytes: number };
}

/**
 * Replays a session file without locking or changing it (to inspect a session). A torn last line is
 * left out; a corrupt complete line throws SessionReadError naming the file and line. The result keeps
 * the pairing invariant: a trailing assistant tool_use without results gets "interrupted" results
 * (see {@link repairInterruptedTurn}).
 */
export function loadSession(path: string, id: string): LoadedSession {
  const file = readSessionFile(path, id);
  const tailRecord = parseRecord(file.tail.toString("utf8"));
  return replaySession(tailRecord ? [...file.records, tailRecord] : file.records, path, id);
}

export interface SessionFile {
  /** The records of the complete (newline-terminated) lines. */
  records: SessionRecord[];
  /** Bytes up to and including the last newline. */
  completeLength: number;
  /** Bytes after the last newline: empty unless a write was cut off. */
  tail: Buffer;
}

/** Reads the complete lines (sync); a line that is not JSON throws SessionReadError naming the file and line. */
export function readSessionFile(path: string, id: string): SessionFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new SessionReadError(`Cannot read session ${id} (${path}): ${(error as Error).message}`);
  }
  const completeLength = bytes.lastIndexOf(0x0a) + 1;
  const lines = bytes.subarray(0, completeLength).toString("utf8").split("\n");
  const records: SessionRecord[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const record = parseRecord(line);
    if (!record)
      throw new SessionReadError(
        `Session file ${path} is corrupt at line ${index + 1}; it was left unchanged.`,
      );
    records.push(record);
  });
  return { records, completeLength, tail: bytes.subarray(completeLength) };
}

/** The record on one line, or undefined when it is not a JSON object with a `type`. */
export function parseRecord(line: string): SessionRecord | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === "object" && value !== null && "type" in value
      ? (value as SessionRecord)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The history `records` rebuild, with a turn cut off mid-tool answered as interrupted. */
export function replaySession(records: SessionRecord[], path: string, id: string): LoadedSession {
  const messages: MessageParam[] = [];
  let model: string | undefined;
  let lastUsage: TokenUsage | undefined;
  for (const record of records) {
    if (record.type === "session_start" || record.type === "session_resume") model = record.model;
    // A rewritten history (compaction) makes the size reported before it stale.
    if (record.type === "usage") lastUsage = record.usage;
    else if (record.type === "history") lastUsage = undefined;
    applyRecord(messages, record);
  }
  return {
    id,
    path,
    messages,
    ...(model ? { model } : {}),
    ...(lastUsage ? { lastUsage } : {}),
    repairedToolUseIds: repairInterruptedTurn(messages),
  };
}

function applyRecord(messages: MessageParam[], record: SessionRecord): void {
  if (record.type === "message") {
    if (record.message.role === "user") appendUserContent(messages, record.message.content);
    else messages.push(record.message);
  } else if (record.type === "append") {
    appendUserContent(messages, record.content);
  } else if (record.type === "history") {
    messages.splice(0, messages.length, ...record.messages);
  }
}

/**
 * When the history ends with an assistant message whose tool calls were never answered (the process
 * died mid-tool), appends one user message answering each of them as interrupted. Returns the ids.
 */
export function repairInterruptedTurn(messages: MessageParam[]): string[] {
  const last = messages.at(-1);
  if (last?.role !== "assistant" || typeof last.content === "string") return [];
  const ids = last.content.flatMap((block) => (block.type === "tool_use" ? [block.id] : []));
  if (ids.length === 0) return [];
  const results: Anthropic.ToolResultBlockParam[] = ids.map((id) => ({
    type: "tool_result",
    tool_use_id: id,
    content: SESSION_INTERRUPTED_MESSAGE,
    is_error: true,
  }));
  messages.push({ role: "user", content: results });
  return ids;
}

export interface SessionSummary {
  id: string;
  path: string;
  modifiedMs: number;
  /** The first prompt, shortened, when it can be found in the file's first 64 KB. */
  firstPrompt?: string;
}

/**
 * Sessions in `sessionsDir`, most recently modified first; an absent folder means none. With
 * `firstPrompts: false` no file is opened (what --continue and a lookup by id need).
 */
export function listSessions(
  sessionsDir: string,
  options: { firstPrompts?: boolean } = {},
): SessionSummary[] {
  let names: string[];
  try {
    names = readdirSync(sessionsDir).filter((name) => name.endsWith(".jsonl"));
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const path = join(sessionsDir, name);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (!stats) return [];
      const firstPrompt = options.firstPrompts === false ? undefined : readFirstPrompt(path);
      return [
        {
          id: name.slice(0, -".jsonl".length),
          path,
          modifiedMs: stats.mtimeMs,
          ...(firstPrompt ? { firstPrompt } : {}),
        },
      ];
    })
    .sort((left, right) => right.modifiedMs - left.modifiedMs || compareText(right.id, left.id));
}

/** The session whose id equals `idOrPrefix`, else the only one starting with it. */
export function findSession(sessionsDir: string, idOrPrefix: string): SessionSummary | undefined {
  const sessions = listSessions(sessionsDir, { firstPrompts: false });
  const exact = sessions.find((session) => session.id === idOrPrefix);
  if (exact) return exact;
  const matches = sessions.filter((session) => session.id.startsWith(idOrPrefix));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The first prompt in the file's first 64 KB; undefined when there is none or the file cannot be read. */
function readFirstPrompt(path: string): string | undefined {
  const buffer = Buffer.alloc(64 * 1024);
  let length: number;
  try {
    const fd = openSync(path, "r");
    try {
      length = readSync(fd, buffer, 0, buffer.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  for (const line of buffer.subarray(0, length).toString("utf8").split("\n")) {
    let record: SessionRecord;
    try {
      record = JSON.parse(line) as SessionRecord;
    } catch {
      continue;
    }
    if (record.type !== "message" || record.message.role !== "user") continue;
    const content = record.message.content;
    const text = typeof content === "string" ? content : content.find((block) => block.type === "text")?.text;
    if (text) return text.replace(/\s+/g, " ").trim().slice(0, 80);
  }
  return undefined;
}
