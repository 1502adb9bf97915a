// The learner's progress, `exercises/work/progress.json`: which exercises passed, and when. Written atomically
// (temp file + rename); a file that does not parse is reported and left alone, never overwritten.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

const progressSchema = z.object({
  version: z.literal(1),
  /** Exercise path (`s02-tool-use/01-count-lines-tool`) → ISO time it last passed. */
  solved: z.record(z.string(), z.string()),
});

export type Progress = z.infer<typeof progressSchema>;

export type ProgressRead = { ok: true; progress: Progress } | { ok: false; problem: string };

/** An empty record: nothing solved yet. */
export function emptyProgress(): Progress {
  return { version: 1, solved: {} };
}

/**
 * Reads `file`. A missing file is empty progress; a file that is not valid JSON or not the expected shape is
 * `{ ok: false }` with a message naming the file (as `shownAs`) and what to do. Never throws.
 */
export function readProgress(file: string, shownAs: string = file): ProgressRead {
  if (!existsSync(file)) return { ok: true, progress: emptyProgress() };
  try {
    return { ok: true, progress: progressSchema.parse(JSON.parse(readFileSync(file, "utf8"))) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, " ").slice(0, 200) : String(error);
    return {
      ok: false,
      problem: `${shownAs} cannot be read (${reason}); progress is not saved until you fix or delete it`,
    };
  }
}

/** Writes `progress` to `file` through a temp file in the same folder and a rename, so readers never see half. */
export function writeProgress(file: string, progress: Progress): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(progress, null, 2)}\n`);
  renameSync(temp, file);
}

/** A copy of `progress` with `path` marked solved at `now` (solved) or no longer marked (not solved). */
export function withResult(
  progress: Progress,
  path: string,
  solved: boolean,
  now: Date = new Date(),
): Progress {
  const next = { ...progress.solved };
  if (solved) next[path] = now.toISOString();
  else delete next[path];
  return { version: 1, solved: next };
}
