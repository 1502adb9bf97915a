// Reading a configuration file a workspace supplies (.env, SKILL.md, agent files…) without trusting it:
// only regular files, never blocking on a FIFO or device, and never more than a size cap.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";

/** The default cap: no configuration file a person writes comes near 1 MB. */
export const DEFAULT_CONFIG_FILE_MAX_BYTES = 1024 * 1024;

/** `O_NONBLOCK` makes opening a FIFO return at once, so a file swapped for one after the check cannot hang us. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK_BYTES = 64 * 1024;

export interface ReadConfigFileOptions {
  /** Files larger than this are skipped, not truncated (default DEFAULT_CONFIG_FILE_MAX_BYTES). */
  maxBytes?: number;
}

/** Why a configuration file was not read. */
export type ConfigFileSkip =
  | { kind: "missing" }
  | { kind: "not-regular-file"; fileType: string }
  | { kind: "too-large"; maxBytes: number }
  | { kind: "unreadable"; message: string };

/**
 * The text of the file, or why it was skipped. `reason` is the skip said for a person
 * ("not a regular file (fifo)", "larger than 1 MB"); callers report it as a warning with the path.
 */
export type ConfigFileRead = { ok: true; text: string } | { ok: false; skip: ConfigFileSkip; reason: string };

/**
 * Reads `path` as UTF-8 when it is a regular file (a symlink counts when its target is one) of at
 * most `maxBytes`. A FIFO, socket, device or directory is skipped without being read, and opening
 * never blocks. Never throws: a missing path is `{ kind: "missing" }`, any other failure a skip.
 * Configuration files are small, so the read itself is the synchronous one.
 */
export async function readConfigFile(
  path: string,
  options: ReadConfigFileOptions = {},
): Promise<ConfigFileRead> {
  return readConfigFileSync(path, options);
}

/** readConfigFile for set-up code that must finish before the first request. */
export function readConfigFileSync(path: string, options: ReadConfigFileOptions = {}): ConfigFileRead {
  const maxBytes = options.maxBytes ?? DEFAULT_CONFIG_FILE_MAX_BYTES;
  let descriptor: number | undefined;
  try {
    const refused = refusal(statSync(path), maxBytes);
    if (refused) return refused;
    descriptor = openSync(path, OPEN_FLAGS);
    const refusedNow = refusal(fstatSync(descriptor), maxBytes);
    if (refusedNow) return refusedNow;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const bytesRead = readSync(descriptor, chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return tooLarge(maxBytes);
    }
    return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
  } catch (error) {
    return failure(error);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** "1 MB", "64 KB", "100 bytes": the cap as a person reads it. */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

function refusal(stats: Stats, maxBytes: number): ConfigFileRead | undefined {
  if (!stats.isFile()) {
    const fileType = fileTypeOf(stats);
    return {
      ok: false,
      skip: { kind: "not-regular-file", fileType },
      reason: `not a regular file (${fileType})`,
    };
  }
  return stats.size > maxBytes ? tooLarge(maxBytes) : undefined;
}

function tooLarge(maxBytes: number): ConfigFileRead {
  return {
    ok: false,
    skip: { kind: "too-large", maxBytes },
    reason: `larger than ${formatByteSize(maxBytes)}`,
  };
}

function failure(error: unknown): ConfigFileRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return { ok: false, skip: { kind: "missing" }, reason: "does not exist" };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, skip: { kind: "unreadable", message }, reason: `cannot be read (${message})` };
}

function fileTypeOf(stats: Stats): string {
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "fifo";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  if (stats.isSocket()) return "socket";
  return "unknown type";
}
