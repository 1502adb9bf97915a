// Which MCP servers a session has, from the same places Claude Code reads, in its order of precedence:
// --mcp-config, ~/.claude.json (this project's, then the user's), <workspace>/.mcp.json, plugins.
import { realpath } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { loadPluginServers } from "./plugin-manifests.ts";
import { readJsonConfig } from "./read-json-config.ts";
import {
  type ConfiguredServer,
  type EntryOrigin,
  isPlainObject,
  parseServerMap,
  type ServerList,
} from "./server-config.ts";

export interface McpConfigOptions {
  workspace: string;
  home: string;
  /** Values for `${VAR}` (usually `process.env`). */
  env: Record<string, string | undefined>;
  /** --mcp-config values: a JSON string starting with `{`, else a file path (relative to the workspace). */
  mcpConfig?: readonly string[];
  /** --strict-mcp-config: only the --mcp-config servers; no other file is read. */
  strict?: boolean;
}

/** Every configured server (with or without a `problem`) and the problems of the files themselves. */
export interface McpConfigResult {
  servers: ConfiguredServer[];
  problems: string[];
}

/** ~/.claude.json also holds Claude Code's project history and can be far larger than a hand-written file. */
const CLAUDE_JSON_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The servers of every source. When two sources name the same server, the first in the order flag,
 * local, project, user, plugin wins and the other is reported in `problems`. Missing files are fine;
 * a file that is not a regular file, too large, or not valid JSON is a problem naming it. Never throws.
 */
export async function loadMcpConfig(options: McpConfigOptions): Promise<McpConfigResult> {
  const display = (path: string) => displayPath(path, options.home);
  const origin = (scope: EntryOrigin["scope"], source: string, fromWorkspace = false): EntryOrigin => ({
    scope,
    source,
    variables: options.env,
    ...(fromWorkspace ? { fromWorkspace: true } : {}),
  });
  const lists: ServerList[] = [];
  for (const value of options.mcpConfig ?? []) lists.push(await loadFlagValue(value, options, origin));
  if (!options.strict) {
    const claudeJsonPath = join(options.home, ".claude.json");
    const claudeJson = await readJsonConfig(claudeJsonPath, display(claudeJsonPath), CLAUDE_JSON_MAX_BYTES);
    const source = display(claudeJsonPath);
    const fromClaudeJson = (select: (value: Record<string, unknown>) => unknown, scope: "local" | "user") =>
      claudeJson.kind === "ok" && isPlainObject(claudeJson.value)
        ? serversAt(select(claudeJson.value), origin(scope, source))
        : { servers: [], problems: [] };
    const projectKeys = await workspaceKeys(options.workspace);
    lists.push(
      fromClaudeJson((value) => projectEntry(value.projects, projectKeys)?.mcpServers, "local"),
      await loadServersFile(join(options.workspace, ".mcp.json"), display, (source) =>
        origin("project", source, true),
      ),
      fromClaudeJson((value) => value.mcpServers, "user"),
      await loadPluginServers({
        workspace: options.workspace,
        home: options.home,
        env: options.env,
        display,
      }),
    );
    if (claudeJson.kind === "problem") lists.push({ servers: [], problems: [claudeJson.problem] });
    else if (claudeJson.kind === "ok" && !isPlainObject(claudeJson.value))
      lists.push({ servers: [], problems: [`${source}: must be a JSON object; skipped`] });
  }
  return firstOfEachName(lists);
}

/** A --mcp-config value: inline JSON when it starts with `{`, else a file path. */
async function loadFlagValue(
  value: string,
  options: McpConfigOptions,
  origin: (scope: "flag", source: string) => EntryOrigin,
): Promise<ServerList> {
  const source = `--mcp-config ${value.trim().startsWith("{") ? "<json>" : value}`;
  if (value.trim().startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      return { servers: [], problems: [`${source}: not valid JSON (${(error as Error).message}); skipped`] };
    }
    return wrappedServers(parsed, origin("flag", source), source);
  }
  const path = resolve(options.workspace, value);
  const read = await readJsonConfig(path, source);
  if (read.kind === "missing") return { servers: [], problems: [`${source}: no such file; skipped`] };
  if (read.kind === "problem") return { servers: [], problems: [read.problem] };
  return wrappedServers(read.value, origin("flag", source), source);
}

/** A file of `{ "mcpServers": {…} }` (.mcp.json); a missing file has no servers and no problem. */
async function loadServersFile(
  path: string,
  display: (path: string) => string,
  origin: (source: string) => EntryOrigin,
): Promise<ServerList> {
  const read = await readJsonConfig(path, display(path));
  if (read.kind === "missing") return { servers: [], problems: [] };
  if (read.kind === "problem") return { servers: [], problems: [read.problem] };
  return wrappedServers(read.value, origin(display(path)), display(path));
}

function wrappedServers(value: unknown, origin: EntryOrigin, source: string): ServerList {
  if (!isPlainObject(value) || !("mcpServers" in value))
    return { servers: [], problems: [`${source}: expected {"mcpServers": {…}}; skipped`] };
  return parseServerMap(value.mcpServers, origin);
}

/** The servers of an optional `mcpServers` value of ~/.claude.json. */
function serversAt(map: unknown, origin: EntryOrigin): ServerList {
  return map === undefined ? { servers: [], problems: [] } : parseServerMap(map, origin);
}

/** `projects[<key>]` for the first key present: the workspace's real path, then its path as given. */
function projectEntry(projects: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  if (!isPlainObject(projects)) return undefined;
  for (const key of keys) {
    const entry = projects[key];
    if (isPlainObject(entry)) return entry;
  }
  return undefined;
}

async function workspaceKeys(workspace: string): Promise<string[]> {
  const given = resolve(workspace);
  const real = await realpath(workspace).catch(() => given);
  return real === given ? [real] : [real, given];
}

/** One server per name: the first list's wins; each shadowed one is reported. */
function firstOfEachName(lists: readonly ServerList[]): McpConfigResult {
  const result: McpConfigResult = { servers: [], problems: [] };
  const byName = new Map<string, ConfiguredServer>();
  for (const list of lists) {
    for (const server of list.servers) {
      const winner = byName.get(server.name);
      if (winner === undefined) {
        byName.set(server.name, server);
        result.servers.push(server);
      } else {
        result.problems.push(
          `server "${server.name}" from ${server.source} (${server.scope}) is shadowed by the one from ${winner.source} (${winner.scope})`,
        );
      }
    }
    result.problems.push(...list.problems);
  }
  return result;
}

/** `path` with the home folder shown as `~`. */
export function displayPath(path: string, home: string): string {
  const absolute = resolve(path);
  const homeFolder = resolve(home);
  if (absolute === homeFolder) return "~";
  return absolute.startsWith(homeFolder + sep) ? `~${absolute.slice(homeFolder.length)}` : absolute;
}
