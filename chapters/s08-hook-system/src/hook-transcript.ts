// The `transcript_path` a hook reads: the conversation so far as JSONL, one `{ type, message }` line per
// message (the shape Claude Code's transcripts have, so scripts that read `.message.content` work).
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { MessageParam } from "@lcc/s01";
import { writeFileAtomic } from "@lcc/s02";
import { ensureLccHome } from "@lcc/s04";

/** The JSONL text for `messages`. Pure. */
export function transcriptLines(messages: readonly MessageParam[]): string {
  return messages.map((message) => `${JSON.stringify({ type: message.role, message })}\n`).join("");
}

/**
 * A writer for one session's hook transcript, `<lcc home>/transcripts/hooks-<session id>.jsonl` (0600,
 * written atomically before each batch of hooks that run). Returns the path; throws when it cannot write.
 */
export function createHookTranscript(workspace: string, env: NodeJS.ProcessEnv, sessionId: string) {
  return async (messages: readonly MessageParam[]): Promise<string> => {
    const folder = join(await ensureLccHome(workspace, env), "transcripts");
    await mkdir(folder, { recursive: true });
    const path = join(folder, `hooks-${sessionId}.jsonl`);
    await writeFileAtomic(path, transcriptLines(messages), { mode: 0o600 });
    return path;
  };
}
