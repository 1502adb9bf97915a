// Running a test helper script as `nobody`: tests that need real permission errors (root reads every
// file whatever its mode) run the code under test in a child with fewer rights.
import { execFile, execFileSync } from "node:child_process";
import { chmod } from "node:fs/promises";
import { promisify } from "node:util";
import { tsxImport } from "./run-cli.ts";

/** The user and group id of `nobody`, which unprivileged test children run as when the tests run as root. */
export const NOBODY_ID = 65534;

/**
 * True when a child can run as `nobody` and read `file` (a test helper it must import): false when the
 * tests do not run as root, or when the checkout sits in a folder others cannot enter (a clone under
 * /root). Tests that need real permission errors as root skip then, and say so in their name.
 */
export function canRunAsNobody(file: string): boolean {
  if (process.getuid?.() !== 0) return true;
  try {
    execFileSync(process.execPath, ["-e", `require("fs").accessSync(${JSON.stringify(file)})`], {
      uid: NOBODY_ID,
      gid: NOBODY_ID,
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `script` (a TypeScript file) as `node --import <tsx loader> script` (one process, not the tsx CLI's
 * shim and two nodes) as `nobody` when the tests run as root, else as this user,
 * after making `workspace` enterable by others (a temp workspace is 0700). Resolves with its stdout.
 * For tests that need real permission errors, which root never gets.
 */
export async function runScriptAsNobody(script: string, workspace: string, args: string[]): Promise<string> {
  await chmod(workspace, 0o755);
  const ids = process.getuid?.() === 0 ? { uid: NOBODY_ID, gid: NOBODY_ID } : {};
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...tsxImport(), script, workspace, ...args],
    {
      ...ids,
      timeout: 60_000,
    },
  );
  return stdout;
}
