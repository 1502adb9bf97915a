// MCP servers that plugins bring: each folder under <workspace>/.lcc/plugins/ and ~/.lcc/plugins/ with a
// .claude-plugin/plugin.json whose `mcpServers` is a map or a path (inside the plugin) to a JSON file.
import { readdir, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { VariableSource } from "./expand-variables.ts";
import { readJsonConfig } from "./read-json-config.ts";
import { type EntryOrigin, isPlainObject, parseServerMap, type ServerList } from "./server-config.ts";

export interface PluginServerOptions {
  workspace: string;
  home: string;
  env: VariableSource;
  /** How a path is shown in `source` and problems (default: as it is). */
  display?: (path: string) => string;
}

/** `<root>/.lcc/plugins`: where plugins live under a workspace or a home folder. */
export function pluginsFolder(root: string): string {
  return join(root, ".lcc", "plugins");
}

/**
 * The servers of every plugin, workspace plugins first, plugins in name order. Workspace plugins'
 * servers have `fromWorkspace: true` (they need approval). `${CLAUDE_PLUGIN_ROOT}` expands to the
 * plugin folder. A plugin without `mcpServers` contributes its `.mcp.json`, if any. Never throws.
 */
export async function loadPluginServers(options: PluginServerOptions): Promise<ServerList> {
  const display = options.display ?? ((path: string) => path);
  const result: ServerList = { servers: [], problems: [] };
  const workspaceFolder = pluginsFolder(options.workspace);
  const homeFolder = pluginsFolder(options.home);
  const sameFolder = (await realOrSelf(workspaceFolder)) === (await realOrSelf(homeFolder));
  // When the workspace is the home folder, its plugins are the user's own.
  const roots = sameFolder
    ? [{ folder: homeFolder, fromWorkspace: false }]
    : [
        { folder: workspaceFolder, fromWorkspace: true },
        { folder: homeFolder, fromWorkspace: false },
      ];
  for (const root of roots) {
    for (const plugin of await pluginFolders(root.folder)) {
      const list = await loadPlugin(plugin, root.fromWorkspace, options.env, display);
      result.servers.push(...list.servers);
      result.problems.push(...list.problems);
    }
  }
  return result;
}

async function pluginFolders(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(folder, name));
}

async function loadPlugin(
  plugin: string,
  fromWorkspace: boolean,
  env: VariableSource,
  display: (path: string) => string,
): Promise<ServerList> {
  const manifestPath = join(plugin, ".claude-plugin", "plugin.json");
  const manifest = await readJsonConfig(manifestPath, display(manifestPath));
  if (manifest.kind === "missing") {
    return {
      servers: [],
      problems: [`${display(plugin)}: not a plugin (no .claude-plugin/plugin.json); skipped`],
    };
  }
  if (manifest.kind === "problem") return { servers: [], problems: [manifest.problem] };
  if (!isPlainObject(manifest.value))
    return { servers: [], problems: [`${display(manifestPath)}: must be a JSON object; skipped`] };
  const origin = (source: string): EntryOrigin => ({
    scope: "plugin",
    source: display(source),
    variables: { ...env, CLAUDE_PLUGIN_ROOT: plugin },
    ...(fromWorkspace ? { fromWorkspace: true } : {}),
  });
  const declared = manifest.value.mcpServers;
  if (declared === undefined) return loadServerFile(plugin, join(plugin, ".mcp.json"), origin, display, true);
  if (typeof declared === "string") {
    const target = await insidePlugin(plugin, declared);
    if (target === undefined)
      return {
        servers: [],
        problems: [
          `${display(manifestPath)}: "mcpServers" path ${declared} leaves the plugin folder; refused`,
        ],
      };
    return loadServerFile(plugin, target, origin, display, false);
  }
  return parseServerMap(declared, origin(manifestPath));
}

/** A file of `{ "mcpServers": {…} }` or of the bare map. */
async function loadServerFile(
  plugin: string,
  path: string,
  origin: (source: string) => EntryOrigin,
  display: (path: string) => string,
  optional: boolean,
): Promise<ServerList> {
  const read = await readJsonConfig(path, display(path));
  if (read.kind === "missing")
    return {
      servers: [],
      problems: optional ? [] : [`${display(path)}: missing (named by ${display(plugin)})`],
    };
  if (read.kind === "problem") return { servers: [], problems: [read.problem] };
  const map = isPlainObject(read.value) && "mcpServers" in read.value ? read.value.mcpServers : read.value;
  return parseServerMap(map, origin(path));
}

/**
 * `relativePath` resolved inside `plugin`, or undefined when it is absolute or leads out of the
 * folder, by `..` or by a symlink.
 */
async function insidePlugin(plugin: string, relativePath: string): Promise<string | undefined> {
  if (isAbsolute(relativePath)) return undefined;
  const target = resolve(plugin, relativePath);
  if (!isWithin(plugin, target)) return undefined;
  const realTarget = await realpath(target).catch(() => undefined);
  // A missing file is reported by the read; only an existing one can point elsewhere.
  if (realTarget !== undefined && !isWithin(await realOrSelf(plugin), realTarget)) return undefined;
  return target;
}

function isWithin(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest !== "" && rest !== ".." && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

async function realOrSelf(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}
