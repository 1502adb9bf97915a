// Which directory the agent works on: --cwd, else INIT_CWD (set by pnpm), else process.cwd().
import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";

/** The workspace given (or implied) does not exist or is not a directory; the message says which. */
export class WorkspaceError extends Error {}

/**
 * Resolves the workspace the user ran the command from. `pnpm --filter s05 start` runs scripts in
 * the package folder but sets INIT_CWD to where the user typed the command, so that wins over cwd.
 * Throws WorkspaceError when the directory does not exist.
 */
export function resolveWorkspace(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string {
  const flagIndex = argv.findIndex((arg) => arg === "--cwd" || arg.startsWith("--cwd="));
  let chosen: string | undefined;
  if (flagIndex >= 0) {
    const arg = argv[flagIndex] ?? "";
    chosen = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[flagIndex + 1];
    if (!chosen) throw new WorkspaceError("--cwd needs a directory");
  }
  const base = env.INIT_CWD || cwd;
  const path = resolve(base, chosen ?? ".");
  try {
    if (!statSync(path).isDirectory()) throw new WorkspaceError(`Workspace is not a directory: ${path}`);
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    throw new WorkspaceError(`Workspace does not exist: ${path}`);
  }
  return realpathSync(path);
}
