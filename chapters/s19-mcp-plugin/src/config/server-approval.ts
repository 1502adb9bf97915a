// Whether the user approved a server that the workspace itself configured (.mcp.json, a workspace plugin),
// remembered in ~/.lcc/mcp-approvals.json per workspace, server name and config fingerprint.
import { realpath } from "node:fs/promises";
import { join } from "node:path";
import { withOwnerLock } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import { readJsonConfig } from "./read-json-config.ts";
import { type ConfiguredServer, isPlainObject } from "./server-config.ts";

export type ApprovalAnswer = "approved" | "denied";

/**
 * `~/.lcc/mcp-approvals.json`: `{ "workspaces": { "<realpath>": { "<server>": { "fingerprint": "…",
 * "answer": "approved" | "denied", "answeredAt": "…" } } } }`, mode 0600, written atomically.
 */
export function approvalFilePath(home: string): string {
  return join(home, ".lcc", "mcp-approvals.json");
}

/** True for servers the workspace supplied: they start only once approved (user, local, flag: never asked). */
export function needsApproval(server: ConfiguredServer): boolean {
  return server.scope === "project" || server.fromWorkspace === true;
}

type ApprovalFile = { ok: true; workspaces: Record<string, unknown> } | { ok: false; problem: string };

async function readApprovalFile(home: string): Promise<ApprovalFile> {
  const path = approvalFilePath(home);
  const read = await readJsonConfig(path, path);
  if (read.kind === "missing") return { ok: true, workspaces: {} };
  if (read.kind === "ok" && isPlainObject(read.value) && isPlainObject(read.value.workspaces))
    return { ok: true, workspaces: read.value.workspaces };
  const reason = read.kind === "problem" ? `${read.problem}: ` : `${path} is not {"workspaces": {…}}: `;
  return { ok: false, problem: `${reason}fix or remove it (left as it is)` };
}

/** Why the approval file cannot be used (unreadable, not JSON, wrong shape), or undefined. Never throws. */
export async function approvalFileProblem(home: string): Promise<string | undefined> {
  const file = await readApprovalFile(home);
  return file.ok ? undefined : file.problem;
}

/**
 * The remembered answer for `server` in `workspace` (compared by real path): "unknown" when never
 * answered, when its fingerprint changed since (the config is different: ask again), or when the
 * file is unusable. Never throws.
 */
export async function readApproval(
  home: string,
  workspace: string,
  server: ConfiguredServer,
): Promise<ApprovalAnswer | "unknown"> {
  const file = await readApprovalFile(home);
  if (!file.ok) return "unknown";
  const servers = file.workspaces[await workspaceKey(workspace)];
  const entry = isPlainObject(servers) ? servers[server.name] : undefined;
  if (!isPlainObject(entry) || entry.fingerprint !== server.fingerprint) return "unknown";
  return entry.answer === "approved" || entry.answer === "denied" ? entry.answer : "unknown";
}

/**
 * Remembers `answer` for `server` (its name and current fingerprint) in `workspace`, keeping every
 * other entry. Atomic write, mode 0600 for a new file. Throws when the file is unusable: it is never
 * overwritten, so a person can fix it.
 */
export async function rememberApproval(
  home: string,
  workspace: string,
  server: ConfiguredServer,
  answer: ApprovalAnswer,
): Promise<void> {
  const path = approvalFilePath(home);
  const key = await workspaceKey(workspace);
  // Two lcc sessions answering at once: each reads and rewrites the file under the lock, so neither answer is lost.
  await withOwnerLock(`${path}.lock`, async () => {
    const file = await readApprovalFile(home);
    if (!file.ok) throw new Error(file.problem);
    const servers = isPlainObject(file.workspaces[key]) ? file.workspaces[key] : {};
    const entry = { fingerprint: server.fingerprint, answer, answeredAt: new Date().toISOString() };
    const workspaces = { ...file.workspaces, [key]: { ...servers, [server.name]: entry } };
    await writeFileAtomic(path, `${JSON.stringify({ workspaces }, null, 2)}\n`, { mode: 0o600 });
  });
}

async function workspaceKey(workspace: string): Promise<string> {
  return realpath(workspace).catch(() => workspace);
}
