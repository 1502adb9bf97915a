// Atomic file writes: a temp file beside the target, then rename, so readers never see half a file.
// Temp names are short, recognisable as ours, and tied to the target, so a killed write's leftover is found.
import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Bytes of the target's name kept at the start of a temp name (the rest stays under NAME_MAX, 255). */
const TEMP_STEM_BYTES = 100;
const TEMP_SUFFIX = ".lcc-tmp";

/**
 * Writes `data` to `path` atomically, creating parent folders. An existing file keeps its mode
 * exactly (the umask does not apply), and a symlink keeps pointing at the file it names, which is
 * the one written. Temp files that an earlier, killed write of the same file left behind (their
 * process is gone) are removed first. Errors name `path`, never the temp file. A new file gets
 * `options.mode` exactly when given (0o600 for private state such as transcripts).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { mode?: number } = {},
): Promise<void> {
  // Renaming over a symlink would replace the link with a file and leave its target unchanged.
  const target = await realpath(path).catch(() => path);
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });
  await removeStaleTempFiles(folder, basename(target));
  const mode = await stat(target).then(
    (stats) => stats.mode & 0o7777,
    () => options.mode,
  );
  const temp = join(folder, tempFileName(basename(target), process.pid, randomBytes(4).toString("hex")));
  try {
    // Created with the mode (never more open than the file, even briefly), then set exactly past the umask.
    await writeFile(temp, data, mode === undefined ? {} : { mode });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw withoutTempPath(error, temp, path);
  }
}

/**
 * The temp name for a write of the file named `name` by process `pid`:
 * `.<first 100 bytes of name>.<hash of name>-<pid>-<random>.lcc-tmp`, at most 150 bytes whatever
 * the name's length. The hash ties it to exactly one file name.
 */
export function tempFileName(name: string, pid: number, random: string): string {
  return `${tempPrefix(name)}${pid}-${random}${TEMP_SUFFIX}`;
}

function tempPrefix(name: string): string {
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 10);
  return `.${truncateUtf8(name, TEMP_STEM_BYTES)}.${hash}-`;
}

/** Removes our own temp files for `name` whose writing process no longer runs. Never throws. */
async function removeStaleTempFiles(folder: string, name: string): Promise<void> {
  const prefix = tempPrefix(name);
  const entries = await readdir(folder).catch((): string[] => []);
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(TEMP_SUFFIX)) continue;
    const match = /^(\d+)-[0-9a-f]+$/.exec(entry.slice(prefix.length, -TEMP_SUFFIX.length));
    if (match && !isRunning(Number(match[1]))) await rm(join(folder, entry), { force: true }).catch(() => {});
  }
}

/** False only when no process has this id (a process of another user still counts as running). */
function isRunning(pid: number): boolean {
  if (pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** The longest start of `text` that fits in `maxBytes` of UTF-8 without splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > maxBytes) break;
    end += character.length;
  }
  return text.slice(0, end);
}

/** A system error that names the temp file, rewritten to name `path` (code, errno and syscall kept). */
function withoutTempPath(error: unknown, temp: string, path: string): unknown {
  if (!(error instanceof Error) || !error.message.includes(temp)) return error;
  const { code, errno, syscall } = error as NodeJS.ErrnoException;
  // Node's form: "EISDIR: illegal operation on a directory, rename '<temp>' -> '<target>'".
  const reason = error.message.replace(/, \w+ '.*$/s, "").replaceAll(temp, path);
  return Object.assign(new Error(`${reason}, writing '${path}'`), { code, errno, syscall, path });
}
