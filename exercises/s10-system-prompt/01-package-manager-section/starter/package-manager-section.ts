// s10 01: a system prompt section that exists only when it applies: the package manager this workspace
// uses, read once at session start from package.json's packageManager field or its lockfile.
import type { SystemSection } from "@lcc/s02";

export const PACKAGE_MANAGER_SECTION = "package-manager";

/**
 * The section for `workspace`: package.json's `packageManager` ("pnpm@9.1.0") decides; else the one
 * lockfile found names the manager; lockfiles of several managers ask the model to check with the user;
 * no field and no lockfile: undefined (no section at all). Never throws (an unreadable package.json is
 * ignored).
 */
export function packageManagerSection(_workspace: string): SystemSection | undefined {
  // TODO: look for pnpm-lock.yaml, yarn.lock, bun.lock, package-lock.json and package.json's packageManager.
  return undefined;
}
