// A JSON config file read without trusting it: only a regular file under a size cap (chapter-kit's
// readConfigFile, so a FIFO or /dev/zero never hangs us), and a parse error reported, never thrown.
import { DEFAULT_CONFIG_FILE_MAX_BYTES, readConfigFile } from "@lcc/chapter-kit";

/** The file's JSON value, "missing" (no such file: not a problem), or a problem that names the file. */
export type JsonConfigRead =
  | { kind: "ok"; value: unknown }
  | { kind: "missing" }
  | { kind: "problem"; problem: string };

/**
 * Reads and parses `path`; `display` is how problems name it ("~/.claude.json"). A directory, FIFO,
 * device, a file over `maxBytes` (default 1 MB) or invalid JSON is a problem. Never throws.
 */
export async function readJsonConfig(
  path: string,
  display: string,
  maxBytes = DEFAULT_CONFIG_FILE_MAX_BYTES,
): Promise<JsonConfigRead> {
  const read = await readConfigFile(path, { maxBytes });
  if (!read.ok) {
    if (read.skip.kind === "missing") return { kind: "missing" };
    return { kind: "problem", problem: `${display}: ${read.reason}; skipped` };
  }
  try {
    return { kind: "ok", value: JSON.parse(read.text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "problem", problem: `${display}: not valid JSON (${message}); skipped` };
  }
}
