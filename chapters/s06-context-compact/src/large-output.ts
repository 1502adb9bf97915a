// Lever 0: a tool output too long for the context is saved whole to a file; the model gets a preview and the path.

import { join, relative } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { formatCount } from "@lcc/s01";
import { type AgentHooks, isInside, type ToolResult, writeFileAtomic } from "@lcc/s02";

export const PREVIEW_HEAD_CHARS = 2_000;
export const PREVIEW_TAIL_CHARS = 1_000;

export interface LargeOutputOptions {
  workspace: string;
  /** Resolves (and creates) the folder outputs are saved to, `<lcc home>/tool-results`. */
  directory: () => Promise<string>;
  thresholdChars: number;
  /** Reports a failed save; the output then goes to the model capped, as before this chapter. */
  onError?: (message: string) => void;
}

/** What a saved output left in `details.savedOutput`, for the UI and tests. */
export interface SavedOutput {
  path: string;
  chars: number;
}

/**
 * The head and tail of `text` with a marker giving its size and where the whole text is, and how to
 * read it. Lines are not cut in half when a line break is near the edge. Pure.
 */
export function buildLargeOutputPreview(text: string, shownPath: string): string {
  const head = cutAtLine(text.slice(0, PREVIEW_HEAD_CHARS), "end");
  const tail = cutAtLine(text.slice(text.length - PREVIEW_TAIL_CHARS), "start");
  const lines = text.split("\n").length;
  return [
    head,
    `\n[... output too long for the context: ${formatCount(text.length)} characters, ${formatCount(lines)} lines.`,
    `The full output is saved at ${shownPath}: read it with read_file (offset/limit) or search it with grep.`,
    "Shown here: the beginning and the end ...]\n",
    tail,
  ].join("\n");
}

/** An afterToolCall hook that applies lever 0 to text results. Never throws. */
export function createLargeOutputHook(options: LargeOutputOptions): AgentHooks {
  return {
    async afterToolCall(call, result, context) {
      const texts = typeof result.content === "string" ? [result.content] : result.content.map(blockText);
      if (!texts.some((text) => text !== undefined && text.length > options.thresholdChars)) return result;
      try {
        const folder = await options.directory();
        const saved: SavedOutput[] = [];
        const save = async (text: string): Promise<string> => {
          const suffix = saved.length === 0 ? "" : `-${saved.length + 1}`;
          const path = join(folder, `${call.id.replace(/[^A-Za-z0-9_-]/g, "_")}${suffix}.txt`);
          await writeFileAtomic(path, text);
          saved.push({ path, chars: text.length });
          return buildLargeOutputPreview(text, shownPath(options.workspace, path));
        };
        let content: ToolResult["content"];
        if (typeof result.content === "string") content = await save(result.content);
        else {
          // One block at a time: each save picks its file name from how many were saved before it.
          content = [];
          for (const block of result.content)
            content.push(await shrinkBlock(block, options.thresholdChars, save));
        }
        for (const file of saved) {
          const where = shownPath(options.workspace, file.path);
          const size = formatCount(file.chars);
          context.emit({
            type: "notice",
            source: "compact",
            text: `${call.name} output (${size} characters) saved to ${where}`,
          });
        }
        return { ...result, content, details: withSavedOutput(result.details, saved) };
      } catch (error) {
        options.onError?.(
          `Could not save a long output of ${call.name}: ${error instanceof Error ? error.message : error}`,
        );
        return result;
      }
    },
  };
}

type ContentBlock = Anthropic.TextBlockParam | Anthropic.ImageBlockParam;

async function shrinkBlock(
  block: ContentBlock,
  threshold: number,
  save: (text: string) => Promise<string>,
): Promise<ContentBlock> {
  if (block.type !== "text" || block.text.length <= threshold) return block;
  return { type: "text", text: await save(block.text) };
}

function blockText(block: ContentBlock): string | undefined {
  return block.type === "text" ? block.text : undefined;
}

function withSavedOutput(details: unknown, saved: SavedOutput[]): unknown {
  const savedOutput = saved.length === 1 ? saved[0] : saved;
  if (details === undefined) return { savedOutput };
  if (typeof details === "object" && details !== null && !Array.isArray(details))
    return { ...details, savedOutput };
  return details;
}

/** Workspace-relative when the file is inside the workspace (read_file can open it), else absolute. */
function shownPath(workspace: string, path: string): string {
  return isInside(workspace, path) ? relative(workspace, path) : path;
}

function cutAtLine(text: string, side: "start" | "end"): string {
  const index = side === "end" ? text.lastIndexOf("\n") : text.indexOf("\n");
  const near = side === "end" ? index > text.length * 0.8 : index >= 0 && index < text.length * 0.2;
  if (!near) return text;
  return side === "end" ? text.slice(0, index) : text.slice(index + 1);
}
