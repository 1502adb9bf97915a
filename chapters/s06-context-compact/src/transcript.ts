// The full history, saved before a compaction replaces it: one JSON message per line under `transcripts/`.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { MessageParam } from "@lcc/s01";
import { writeFileAtomic } from "@lcc/s02";

/**
 * Writes `messages` as JSONL to `<directory>/compact-<timestamp>-<random>.jsonl` atomically and
 * returns the path. Throws if the file cannot be written (the compaction is then abandoned, so
 * history is never replaced without its transcript on disk).
 */
export async function saveTranscript(
  directory: string,
  messages: readonly MessageParam[],
  now = new Date(),
): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const path = join(directory, `compact-${stamp}-${randomBytes(3).toString("hex")}.jsonl`);
  await writeFileAtomic(path, `${messages.map((message) => JSON.stringify(message)).join("\n")}\n`, {
    mode: 0o600,
  });
  return path;
}
