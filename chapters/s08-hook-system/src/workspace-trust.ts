// Whether a workspace's own hooks may run: asked once per user and workspace, remembered in
// ~/.lcc/trusted.json (written atomically, under a lock). Without a terminal the workspace is trusted, as `claude -p` does.
import { readFile, realpath } from "node:fs/promises";
import { join } from "node:path";
import { type AskUser, withOwnerLock } from "@lcc/chapter-kit";
import { type EmitEvent, writeFileAtomic } from "@lcc/s02";
import { isRecord } from "./hook-config.ts";

/** Where trusted workspaces are remembered: `{ "workspaces": { "<realpath>": { "trustedAt": "…" } } }`. */
export function trustFilePath(home: string): string {
  return join(home, ".lcc", "trusted.json");
}

type TrustFile = { ok: true; workspaces: Record<string, unknown> } | { ok: false; problem: string };

async function readTrustFile(path: string): Promise<TrustFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, workspaces: {} };
    return { ok: false, problem: `could not read ${path}: ${(error as Error).message}` };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && isRecord(parsed.workspaces)) return { ok: true, workspaces: parsed.workspaces };
  } catch {
    // reported below
  }
  return { ok: false, problem: `${path} is not {"workspaces": {…}}; fix or remove it (left as it is)` };
}

/** True when the user trusted `workspace` (its real path) before. A corrupt file counts as not trusted. */
export async function isWorkspaceTrusted(home: string, workspace: string): Promise<boolean> {
  const file = await readTrustFile(trustFilePath(home));
  return file.ok && (await realpath(workspace).catch(() => workspace)) in file.workspaces;
}

/**
 * Adds `workspace` to the trust file (atomic write, 0600), reading and rewriting it under a lock so two
 * sessions trusting at once lose neither answer. Throws when the file is corrupt (never overwritten).
 */
export async function rememberTrustedWorkspace(home: string, workspace: string): Promise<void> {
  const path = trustFilePath(home);
  const key = await realpath(workspace).catch(() => workspace);
  await withOwnerLock(`${path}.lock`, async () => {
    const file = await readTrustFile(path);
    if (!file.ok) throw new Error(file.problem);
    const workspaces = { ...file.workspaces, [key]: { trustedAt: new Date().toISOString() } };
    await writeFileAtomic(path, `${JSON.stringify({ workspaces }, null, 2)}\n`, { mode: 0o600 });
  });
}

export interface TrustGateOptions {
  workspace: string;
  home: string;
  ask: AskUser;
  emit: EmitEvent;
  /** false: never run project hooks (`--no-project-hooks`). Default true. */
  projectHooks?: boolean;
  /** The project hook commands, shown in the question. */
  commands: readonly string[];
}

/**
 * The session's answer to "may this workspace's hooks run?", decided on first need and kept: off when
 * `projectHooks` is false; yes when remembered; else the user is asked (yes is remembered, no holds for
 * this session); without a terminal, yes for this run only. Never throws.
 */
export function createTrustGate(options: TrustGateOptions): (signal: AbortSignal) => Promise<boolean> {
  let decided: Promise<boolean> | undefined;
  const notice = (text: string, level: "info" | "warn" = "info") =>
    options.emit({ type: "notice", source: "hooks", level, text });
  const decide = async (signal: AbortSignal): Promise<boolean> => {
    if (options.projectHooks === false) return false;
    if (await isWorkspaceTrusted(options.home, options.workspace)) return true;
    const answer = await options.ask(
      {
        source: "hooks",
        question: `This workspace's settings define hooks that run shell commands. Trust ${options.workspace} and run them?`,
        detail: options.commands.map((command) => `  ${command}`).join("\n"),
        choices: [
          { key: "y", label: "yes, trust this workspace (remembered)" },
          { key: "n", label: "no, skip its hooks this session" },
        ],
      },
      signal,
    );
    if (answer.kind === "unavailable") {
      notice(
        "no terminal to ask: this workspace's hooks run (as claude -p does; projectHooks: false turns them off)",
      );
      return true;
    }
    if (answer.key !== "y") {
      notice("this workspace's hooks are skipped for this session", "warn");
      return false;
    }
    await rememberTrustedWorkspace(options.home, options.workspace).catch((error: unknown) =>
      notice(
        `trusted for this session only: ${error instanceof Error ? error.message : String(error)}`,
        "warn",
      ),
    );
    return true;
  };
  return (signal) => {
    decided ??= decide(signal).catch(() => false);
    const current = decided;
    // A question cut short by Ctrl-C is asked again next time rather than remembered as an answer.
    void current.then(() => {
      if (signal.aborted && decided === current) decided = undefined;
    });
    return current;
  };
}
