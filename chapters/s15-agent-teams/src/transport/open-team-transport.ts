// Picks the team's backend from the environment: LCC_TEAM_BACKEND=redis://host:port[/db] for Redis,
// unset (or "file") for files under .lcc/team. Anything else is an error, never a silent fallback.
import { openFileTransport } from "./file-transport.ts";
import { type TeamTransport, TeamTransportError } from "./team-transport.ts";

export const TEAM_BACKEND_VARIABLE = "LCC_TEAM_BACKEND";

/** Which backend a configuration names. */
export type TeamBackend = { kind: "file" } | { kind: "redis"; url: string };

/**
 * The backend `env` selects. Throws TeamTransportError naming LCC_TEAM_BACKEND for a value that is neither
 * "file" nor a Redis URL `redis://host[:port][/db]` / `rediss://…` (db a number 0–15 or more, port 1–65535):
 * a typo must not split a team between Redis and files.
 */
export function parseTeamBackend(env: NodeJS.ProcessEnv): TeamBackend {
  const value = env[TEAM_BACKEND_VARIABLE]?.trim() ?? "";
  if (value === "" || value === "file") return { kind: "file" };
  const bad = (reason: string) =>
    new TeamTransportError(
      `${TEAM_BACKEND_VARIABLE} is invalid (${reason}): use redis://host:port[/db], or leave it unset for files under .lcc/team`,
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad("not a URL");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw bad(`the scheme is ${url.protocol.replace(/:$/, "")}, not redis`);
  if (url.hostname === "") throw bad("no host");
  if (!/^(\/\d{1,5})?\/?$/.test(url.pathname))
    throw bad(`the database ${url.pathname.slice(1)} is not a number`);
  if (url.search || url.hash) throw bad("options after ? or # are not supported");
  return { kind: "redis", url: value };
}

export interface OpenTeamTransportOptions {
  workspace: string;
  env?: NodeJS.ProcessEnv;
}

/** Opens the team transport `env` selects for `workspace` (see parseTeamBackend and the two backends). */
export async function openTeamTransport(options: OpenTeamTransportOptions): Promise<TeamTransport> {
  const env = options.env ?? {};
  const backend = parseTeamBackend(env);
  if (backend.kind === "redis") {
    // Loaded only for a Redis team: its client is most of the team code's size, and every start would parse it.
    const { openRedisTransport } = await import("./redis-transport.ts");
    return openRedisTransport({ workspace: options.workspace, url: backend.url });
  }
  return openFileTransport({ workspace: options.workspace, env });
}
