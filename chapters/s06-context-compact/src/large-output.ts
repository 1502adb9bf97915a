// Lever 0: a tool output too long for the context is saved whole to a file; the model gets a preview and the path.
// An output the tool had already cut (bash keeps at most 1,000,000 characters) is saved as kept, and the preview says so.

import { join, relative } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { formatCount } from "@lcc/chapter-kit";
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
  /** False when the tool had cut the output before it was saved: the file holds its beginning and end only. */
  complete: boolean;
  /** Characters the tool had dropped from the middle before the save (0 when complete). */
  droppedChars: number;
}

/**
 * What a tool's `details` may say about its own cut, as bash's BashDetails does: characters it
 * dropped from the middle of its output before returning it.
 */
export interface OutputCutDetails {
  droppedChars: number;
}

/**
 * The head and tail of `text` with a marker giving its size, where it is saved and how to read it.
 * `droppedChars` > 0 says the text itself was already cut: the file holds only the beginning and the
 * end of the output, and the marker says how much is lost. Lines are not cut in half when a line
 * break is near the edge. Pure.
 */
export function buildLargeOutputPreview(text: string, shownPath: string, droppedChars = 0): string {
  const head = cutAtLine(text.slice(0, PREVIEW_HEAD_CHARS), "end");
  const tail = cutAtLine(text.slice(text.length - PREVIEW_TAIL_CHARS), "start");
  const size = `${formatCount(text.length)} characters, ${formatCount(text.split("\n").length)} lines`;
  const where =
    droppedChars > 0
      ? [
          `output too long for the context, and too long to keep whole: ${formatCount(droppedChars)} characters were`,
          "cut from its middle before it was saved, and they are lost (rerun the command with a filter if you need them).",
          `Its beginning and end (${size}) are saved at ${shownPath}, the cut marked inside:`,
        ].join(" ")
      : `output too long for the context: ${size}.\nThe full output is saved at ${shownPath}:`;
  return [
    head,
    `\n[... ${where} read it with read_file (offset/limit) or search it with grep.`,
    "Shown here: the beginning and the end ...]\n",
    tail,
  ].join("\n");
}

/** A shapeResult hook that applies lever 0 to text results. Never throws. */
export function createLargeOutputHook(options: LargeOutputOptions): AgentHooks {
  return {
    async shapeResult(call, result, context) {
      const texts = typeof result.content === "string" ? [result.content] : result.content.map(blockText);
      if (!texts.some((text) => text !== undefined && text.length > options.thresholdChars)) return result;
      try {
        const folder = await options.directory();
        const saved: SavedOutput[] = [];
        const save = async (text: string, droppedChars = 0): Promise<string> => {
          const suffix = saved.length === 0 ? "" : `-${saved.length + 1}`;
          const path = join(folder, `${call.id.replace(/[^A-Za-z0-9_-]/g, "_")}${suffix}.txt`);
          // Tool output can hold anything the commands printed: private to the user, like transcripts.
          await writeFileAtomic(path, text, { mode: 0o600 });
          saved.push({ path, chars: text.length, complete: droppedChars === 0, droppedChars });
          return buildLargeOutputPreview(text, shownPath(options.workspace, path), droppedChars);
        };
        let content: ToolResult["content"];
        // A tool's own cut is about its one text; results of several blocks are saved as they are.
        if (typeof result.content === "string")
          content = await save(result.content, droppedBy(result.details));
        else {
          // One block at a time: each save picks its file name from how many were saved before it.
          content = [];
          for (const block of result.content)
            content.push(await shrinkBlock(block, options.thresholdChars, save));
        }
        for (const file of saved) {
          const where = shownPath(options.workspace, file.path);
          const size = formatCount(file.chars);
          const cut = file.complete
            ? ""
            : ` (its middle, ${formatCount(file.droppedChars)} characters, was cut before)`;
          context.emit({
            type: "notice",
            source: "compact",
            text: `${call.name} output (${size} characters) saved to ${where}${cut}`,
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

/** `details.droppedChars` when the tool reported a cut of its own (see OutputCutDetails), else 0. */
function droppedBy(details: unknown): number {
  if (typeof details !== "object" || details === null || !("droppedChars" in details)) return 0;
  const { droppedChars } = details as OutputCutDetails;
  return typeof droppedChars === "number" && droppedChars > 0 ? droppedChars : 0;
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
