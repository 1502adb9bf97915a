// Test and bench helper: runs `pnpm release:pack`'s script into a folder, installs the tarball there with
// `npm install -g --prefix … --offline` (an empty npm cache: nothing can come from a registry), and says
// where the installed `lcc` is and how big it all is.
import { execFile } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const packScript = fileURLToPath(new URL("./pack.mjs", import.meta.url));

/** Where one packed-and-installed lcc is. */
export interface InstalledLcc {
  tarball: string;
  tarballBytes: number;
  /** The install prefix: `bin/lcc` and `lib/node_modules/lcc` are under it. */
  prefix: string;
  /** The installed package folder. */
  packageDir: string;
  /** The `lcc` npm put on the prefix's PATH (a symlink to the package's launcher). */
  bin: string;
  /** Bytes of every file in the installed package. */
  installedBytes: number;
  /** The commit pack.mjs said it packed. */
  commit: string;
}

/** The environment for npm: pnpm's `npm_*` settings left out (npm warns about each one it does not know). */
function npmEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_")),
  );
}

/** Bytes of every regular file under `folder` (symlinks counted as links, not followed). */
export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/**
 * Packs lcc into `folder`/out and installs it under `folder`/prefix with npm, offline and with an empty
 * cache in `folder`/npm-cache. Rejects with npm's or the pack script's error output when either fails.
 */
export async function packAndInstall(folder: string): Promise<InstalledLcc> {
  const out = join(folder, "out");
  const packed = await run(process.execPath, [packScript, "--out", out], { encoding: "utf8" });
  const tarball = /^packed (\S+\.tgz) /m.exec(packed.stdout)?.[1];
  const commit = /, commit (\S+)\)$/m.exec(packed.stdout)?.[1];
  if (!tarball || !commit) throw new Error(`pack.mjs printed no tarball and commit:\n${packed.stdout}`);
  const prefix = join(folder, "prefix");
  await run(
    "npm",
    ["install", "--global", "--prefix", prefix, "--offline", "--cache", join(folder, "npm-cache")].concat([
      "--no-audit",
      "--no-fund",
      "--no-update-notifier",
      tarball,
    ]),
    { encoding: "utf8", env: npmEnvironment() },
  );
  const packageDir = join(prefix, "lib", "node_modules", "lcc");
  return {
    tarball,
    tarballBytes: (await stat(tarball)).size,
    prefix,
    packageDir,
    bin: join(prefix, "bin", "lcc"),
    installedBytes: await folderBytes(packageDir),
    commit,
  };
}

/**
 * An environment for the installed `lcc` that reaches nothing of the checkout: PATH is Node's folder and the
 * system's (no node_modules/.bin, so no tsx), HOME is `home`, and no NODE_PATH or NODE_OPTIONS.
 */
export function installedLccEnvironment(home: string): Record<string, string> {
  return { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home, NODE_PATH: "", NODE_OPTIONS: "" };
}
