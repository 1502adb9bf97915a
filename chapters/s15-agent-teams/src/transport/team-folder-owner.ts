// Whose team folder this is: a repository can ship its own `.lcc/team/` (an inbox for the lead full of planted
// "teammate" messages, a roster). lcc marks a team folder it creates with an HMAC of the folder's real path
// under a secret in the user's home, and uses an existing folder only when the mark verifies.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, realpath } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { readConfigFile, withOwnerLock } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import { TeamTransportError } from "./team-transport.ts";

/** The mark inside a team folder. */
export const OWNER_FILE = "owner";

/** `<home>/.lcc`, the user's own state folder (never a workspace's). */
function userFolder(env: NodeJS.ProcessEnv): string {
  return join(env.HOME ?? homedir(), ".lcc");
}

/**
 * Runs `work` (making or checking a team folder) under the user's team lock, so a folder another process is
 * creating is checked only after it was marked.
 */
export async function withTeamFolderLock<T>(env: NodeJS.ProcessEnv, work: () => Promise<T>): Promise<T> {
  const folder = userFolder(env);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return withOwnerLock(join(folder, "team-folders.lock"), work, { waitMs: 30_000 });
}

/** `<home>/.lcc/team-secret`: 32 random bytes (hex), made once, 0600; never in a workspace. */
async function userSecret(env: NodeJS.ProcessEnv): Promise<string> {
  const folder = userFolder(env);
  const path = join(folder, "team-secret");
  const read = async () => {
    const file = await readConfigFile(path, { maxBytes: 200 });
    return file.ok && /^[0-9a-f]{64}$/.test(file.text.trim()) ? file.text.trim() : undefined;
  };
  const existing = await read();
  if (existing) return existing;
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return withOwnerLock(`${path}.lock`, async () => {
    const again = await read();
    if (again) return again;
    const secret = randomBytes(32).toString("hex");
    await writeFileAtomic(path, `${secret}\n`, { mode: 0o600 });
    return secret;
  });
}

async function markOf(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  return createHmac("sha256", await userSecret(env))
    .update(await realpath(root))
    .digest("hex");
}

/** Marks `root` (a team folder lcc just created) as this user's. */
export async function markTeamFolder(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  await writeFileAtomic(join(root, OWNER_FILE), `${await markOf(root, env)}\n`, { mode: 0o600 });
}

/** Throws TeamTransportError unless `root` carries this user's mark for this very folder. */
export async function checkTeamFolderOwner(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const file = await readConfigFile(join(root, OWNER_FILE), { maxBytes: 200 });
  const found = file.ok ? Buffer.from(file.text.trim()) : Buffer.alloc(0);
  const expected = Buffer.from(await markOf(root, env));
  if (found.length === expected.length && timingSafeEqual(found, expected)) return;
  throw new TeamTransportError(
    `${root} was not made by lcc for this user here (a repository may have shipped it, or it was copied): ` +
      "its inboxes and roster are not used; move it away to start a team in this workspace",
  );
}
