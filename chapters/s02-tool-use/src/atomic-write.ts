// Atomic file writes: a temp file beside the target, then rename, so readers never see half a file.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `data` to `path` atomically, creating parent folders. An existing file keeps its mode
 * exactly (the umask does not apply), and a symlink keeps pointing at the file it names, which is
 * the one written.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Renaming over a symlink would replace the link with a file and leave its target unchanged.
  const target = await realpath(path).catch(() => path);
  await mkdir(dirname(target), { recursive: true });
  const mode = await stat(target).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    // Created with the mode (never more open than the file, even briefly), then set exactly past the umask.
    await writeFile(temp, data, mode === undefined ? {} : { mode });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
