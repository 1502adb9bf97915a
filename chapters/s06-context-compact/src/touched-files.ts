// Which files the session touched most recently, and their current content for after a compaction.
import { readFile } from "node:fs/promises";
import { posix } from "node:path";
import { capOutput } from "@lcc/s01";
import { type AgentHooks, resolveInWorkspace } from "@lcc/s02";
import type { RecentFile } from "./compacted-history.ts";

/** File tools whose `path` input marks a file as touched. */
export const FILE_TOOLS = ["read_file", "write_file", "edit_file"] as const;

export interface TouchedFiles {
  /** A postToolUse hook that records successful file tool calls. */
  hooks: AgentHooks;
  /** Workspace-relative paths, most recently touched first. */
  recent(limit: number): string[];
  /**
   * The current content of the `limit` most recently touched files that still exist and are text,
   * each capped at `maxChars` (head and tail). Never throws: unreadable files are skipped.
   */
  read(workspace: string, limit: number, maxChars: number): Promise<RecentFile[]>;
}

export function createTouchedFiles(): TouchedFiles {
  const order = new Map<string, true>();
  const recent = (limit: number) => [...order.keys()].reverse().slice(0, limit);
  return {
    hooks: {
      postToolUse(call, result) {
        const path = (call.input as { path?: unknown } | undefined)?.path;
        if (
          !result.isError &&
          typeof path === "string" &&
          (FILE_TOOLS as readonly string[]).includes(call.name)
        ) {
          const normalized = posix.normalize(path);
          order.delete(normalized);
          order.set(normalized, true);
        }
        return result;
      },
    },
    recent,
    async read(workspace, limit, maxChars) {
      const files: RecentFile[] = [];
      for (const path of recent(Number.MAX_SAFE_INTEGER)) {
        if (files.length >= limit) break;
        try {
          const buffer = await readFile(await resolveInWorkspace(workspace, path));
          if (buffer.subarray(0, 8000).includes(0)) continue;
          files.push({
            path,
            content: capOutput(buffer.toString("utf8"), maxChars, "(read_file shows the rest)"),
          });
        } catch {
          // deleted or moved since it was touched: nothing to re-inject
        }
      }
      return files;
    },
  };
}
