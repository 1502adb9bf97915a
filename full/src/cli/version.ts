// The version lcc reports, read from full/package.json so there is one source, and the commit it came
// from: recorded by the release build (scripts/pack.mjs), else asked of the checkout's git.
import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import packageJson from "../../package.json" with { type: "json" };

export const VERSION: string = packageJson.version;

/** Defined by scripts/build.mjs in a release bundle: the commit it was built from (`-dirty` with local edits). */
declare const LCC_BUILD_COMMIT: string | undefined;

/**
 * What `lcc --version` prints: `0.1.0 (lcc) commit 1a2b3c4d5e6f`. A release names the commit it was
 * built from; the checkout names its HEAD (`-dirty` when tracked files changed); without git, no
 * commit. Never throws.
 */
export function versionLine(): string {
  const commit =
    typeof LCC_BUILD_COMMIT === "string"
      ? LCC_BUILD_COMMIT
      : checkoutCommit(dirname(fileURLToPath(import.meta.url)));
  return commit ? `${VERSION} (lcc) commit ${commit}` : `${VERSION} (lcc)`;
}

/** HEAD of the repository holding `folder`, read without taking git's optional locks; undefined without git. */
function checkoutCommit(folder: string): string | undefined {
  const git = (args: string[]) =>
    execFileSync("git", args, {
      cwd: folder,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    }).trim();
  try {
    const commit = git(["rev-parse", "--short=12", "HEAD"]);
    return git(["status", "--porcelain", "--untracked-files=no"]) === "" ? commit : `${commit}-dirty`;
  } catch {
    return undefined;
  }
}
