// A copy of s06's lever 1 (chapters/s06-context-compact/src/micro-compact.ts) to change: a read_file result whose
// file was written or edited later is stale, so it is cleared like any other old result.
import { posix } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { formatCount, summarizeInput } from "@lcc/chapter-kit";
import type { MessageParam } from "@lcc/s01";

export const PLACEHOLDER_PREFIX = "[Old tool result cleared to save context:";

export interface MicroCompactOptions {
  /** The most recent tool results are kept whatever their tool. */
  keepRecent: number;
  /** Tools whose results are never cleared (a loaded skill's instructions stay for the whole session). */
  keepTools?: readonly string[];
  /** Results shorter than this are left alone: the placeholder would save nothing (default 200). */
  minChars?: number;
}

export interface ClearedResult {
  toolUseId: string;
  toolName: string;
  chars: number;
}

export interface MicroCompaction {
  /** The new history; unchanged messages are the same objects, changed ones are copies. */
  messages: MessageParam[];
  cleared: ClearedResult[];
  freedChars: number;
}

/** The one line that replaces a cleared result. */
export function placeholderFor(toolName: string, input: unknown, chars: number): string {
  const what = `${toolName}(${summarizeInput(input, 60)})`;
  return `${PLACEHOLDER_PREFIX} ${what}, ${formatCount(chars)} characters. Run it again if you need it.]`;
}

interface ResultRef {
  messageIndex: number;
  blockIndex: number;
  toolUseId: string;
  toolName: string;
  input: unknown;
  chars: number;
  readKey?: string;
  /** read_file, write_file, edit_file: the file's path, normalized. */
  filePath?: string;
}

/** Tools whose call changes the file at its `path`: a read of that file before it is stale. */
const WRITING_TOOLS = new Set(["write_file", "edit_file"]);

/**
 * Replaces the content of tool results older than the `keepRecent` most recent with a placeholder.
 * Kept: results of `keepTools`, results already cleared or shorter than `minChars`, and `read_file`
 * results unless the same file (same path and range) is read again later, or the file is written or
 * edited later (the content read is stale then) — otherwise they are the only copy of that content.
 * Blocks keep their `tool_use_id` and `is_error`, so every pair stays intact. Does not mutate `messages`.
 */
export function microCompact(
  messages: readonly MessageParam[],
  options: MicroCompactOptions,
): MicroCompaction {
  const refs = collectResults(messages);
  const keepTools = new Set(options.keepTools ?? []);
  const minChars = options.minChars ?? 200;
  const oldRefs = refs.slice(0, Math.max(0, refs.length - options.keepRecent));
  const cleared = oldRefs.filter((ref, index) => {
    if (keepTools.has(ref.toolName) || ref.chars < minChars) return false;
    if (ref.readKey === undefined) return true;
    return refs
      .slice(index + 1)
      .some(
        (later) =>
          later.readKey === ref.readKey ||
          (WRITING_TOOLS.has(later.toolName) && later.filePath === ref.filePath),
      );
  });
  if (cleared.length === 0) return { messages: [...messages], cleared: [], freedChars: 0 };

  const next = [...messages];
  let freedChars = 0;
  for (const ref of cleared) {
    const message = next[ref.messageIndex]!;
    const content = [...(message.content as Anthropic.ContentBlockParam[])];
    const block = content[ref.blockIndex] as Anthropic.ToolResultBlockParam;
    const placeholder = placeholderFor(ref.toolName, ref.input, ref.chars);
    content[ref.blockIndex] = { ...block, content: placeholder };
    next[ref.messageIndex] = { role: "user", content };
    freedChars += ref.chars - placeholder.length;
  }
  return {
    messages: next,
    cleared: cleared.map(({ toolUseId, toolName, chars }) => ({ toolUseId, toolName, chars })),
    freedChars,
  };
}

function collectResults(messages: readonly MessageParam[]): ResultRef[] {
  const calls = new Map<string, { name: string; input: unknown }>();
  const refs: ResultRef[] = [];
  messages.forEach((message, messageIndex) => {
    if (typeof message.content === "string") return;
    message.content.forEach((block, blockIndex) => {
      if (block.type === "tool_use") calls.set(block.id, { name: block.name, input: block.input });
      if (block.type !== "tool_result") return;
      const text = resultContentText(block);
      if (text.startsWith(PLACEHOLDER_PREFIX)) return;
      const call = calls.get(block.tool_use_id) ?? { name: "unknown tool", input: {} };
      const ref: ResultRef = {
        messageIndex,
        blockIndex,
        toolUseId: block.tool_use_id,
        toolName: call.name,
        input: call.input,
        chars: text.length,
      };
      if (call.name === "read_file") ref.readKey = readKey(call.input);
      if (call.name === "read_file" || WRITING_TOOLS.has(call.name)) ref.filePath = filePathOf(call.input);
      refs.push(ref);
    });
  });
  return refs;
}

function filePathOf(input: unknown): string {
  const { path } = (input ?? {}) as { path?: unknown };
  return typeof path === "string" ? posix.normalize(path) : String(path);
}

function readKey(input: unknown): string {
  const { offset, limit } = (input ?? {}) as { offset?: unknown; limit?: unknown };
  const normalized = filePathOf(input);
  return `${normalized}|${typeof offset === "number" ? offset : 1}|${typeof limit === "number" ? limit : ""}`;
}

function resultContentText(block: Anthropic.ToolResultBlockParam): string {
  if (typeof block.content === "string") return block.content;
  return (block.content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("\n");
}
