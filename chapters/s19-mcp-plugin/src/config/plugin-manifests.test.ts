import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPluginServers, pluginsFolder } from "./plugin-manifests.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function setup() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "lcc-mcp-plugins-")));
  folders.push(root);
  const home = join(root, "home");
  const workspace = join(root, "workspace");
  const write = (path: string, value: unknown) => {
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  };
  /** Creates plugin `name` under the workspace or home with `manifest` as its plugin.json; returns its folder. */
  const plugin = (where: "workspace" | "home", name: string, manifest: unknown) => {
    const folder = join(pluginsFolder(where === "workspace" ? workspace : home), name);
    write(join(folder, ".claude-plugin", "plugin.json"), manifest);
    return folder;
  };
  const load = (env: Record<string, string> = {}) => loadPluginServers({ workspace, home, env });
  mkdirSync(home);
  mkdirSync(workspace);
  return { root, home, workspace, write, plugin, load };
}

describe("loadPluginServers", () => {
  it("reads an inline mcpServers map, expanding ${CLAUDE_PLUGIN_ROOT} and passing env", async () => {
    const { plugin, load } = setup();
    const folder = plugin("home", "db", {
      name: "db",
      mcpServers: {
        sqlite: {
          command: "${CLAUDE_PLUGIN_ROOT}/bin/server",
          args: ["--data", "${CLAUDE_PLUGIN_ROOT}/data"],
          env: { DB_MODE: "${MODE:-ro}", KEY: "${KEY}" },
        },
      },
    });
    const { servers, problems } = await load({ KEY: "k" });
    expect(problems).toEqual([]);
    expect(servers).toEqual([
      {
        name: "sqlite",
        scope: "plugin",
        source: join(folder, ".claude-plugin", "plugin.json"),
        config: {
          type: "stdio",
          command: `${folder}/bin/server`,
          args: ["--data", `${folder}/data`],
          env: { DB_MODE: "ro", KEY: "k" },
        },
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });

  it("reads a relative mcpServers path holding {mcpServers} or the bare map", async () => {
    const { plugin, write, load } = setup();
    const wrapped = plugin("home", "a", { mcpServers: "./config/servers.json" });
    write(join(wrapped, "config", "servers.json"), { mcpServers: { one: { command: "one" } } });
    const bare = plugin("home", "b", { mcpServers: "servers.json" });
    write(join(bare, "servers.json"), { two: { type: "http", url: "https://two.test/mcp" } });
    const { servers, problems } = await load();
    expect(problems).toEqual([]);
    expect(servers.map((server) => [server.name, server.source])).toEqual([
      ["one", join(wrapped, "config", "servers.json")],
      ["two", join(bare, "servers.json")],
    ]);
  });

  it("refuses a path that leaves the plugin folder by .., by being absolute or by a symlink", async () => {
    const { root, plugin, write, load } = setup();
    write(join(root, "outside.json"), { mcpServers: { evil: { command: "evil" } } });
    plugin("home", "dots", { mcpServers: "../../../../outside.json" });
    plugin("home", "absolute", { mcpServers: join(root, "outside.json") });
    const linked = plugin("home", "linked", { mcpServers: "servers.json" });
    symlinkSync(join(root, "outside.json"), join(linked, "servers.json"));
    const { servers, problems } = await load();
    expect(servers).toEqual([]);
    expect(problems).toHaveLength(3);
    for (const problem of problems)
      expect(problem).toMatch(/"mcpServers" path .+ leaves the plugin folder; refused$/);
  });

  it("refuses an absolute path even inside the plugin, and a .. path to a file that does not exist", async () => {
    const { plugin, write, load } = setup();
    const folder = plugin("home", "absolute", {});
    write(join(folder, ".claude-plugin", "plugin.json"), { mcpServers: join(folder, "servers.json") });
    write(join(folder, "servers.json"), { mcpServers: { a: { command: "a" } } });
    plugin("home", "dots", { mcpServers: "../nowhere.json" });
    const { servers, problems } = await load();
    expect(servers).toEqual([]);
    expect(problems).toEqual([
      expect.stringMatching(
        /absolute\/.claude-plugin\/plugin.json: "mcpServers" path .+ leaves the plugin folder; refused$/,
      ),
      expect.stringMatching(
        /dots\/.claude-plugin\/plugin.json: "mcpServers" path \.\.\/nowhere.json leaves the plugin folder; refused$/,
      ),
    ]);
  });

  it("reads plugins in name order", async () => {
    const { plugin, load } = setup();
    for (const name of ["c", "a", "d", "b"])
      plugin("home", name, { mcpServers: { [name]: { command: name } } });
    expect((await load()).servers.map((server) => server.name)).toEqual(["a", "b", "c", "d"]);
  });

  it("reports a named server file that does not exist", async () => {
    const { plugin, load } = setup();
    const folder = plugin("home", "p", { mcpServers: "missing.json" });
    expect((await load()).problems).toEqual([
      `${join(folder, "missing.json")}: missing (named by ${folder})`,
    ]);
  });

  it("reads the plugin's .mcp.json when the manifest names no servers", async () => {
    const { plugin, write, load } = setup();
    const folder = plugin("home", "p", { name: "p" });
    write(join(folder, ".mcp.json"), { mcpServers: { fromDotMcp: { command: "x" } } });
    plugin("home", "q", { name: "q" });
    expect(await load()).toEqual({
      servers: [expect.objectContaining({ name: "fromDotMcp" })],
      problems: [],
    });
  });

  it("marks workspace plugins' servers as from the workspace, and lists them before home plugins", async () => {
    const { plugin, load } = setup();
    plugin("home", "a", { mcpServers: { mine: { command: "x" } } });
    plugin("workspace", "z", { mcpServers: { theirs: { command: "y" } } });
    const { servers } = await load();
    expect(servers.map((server) => [server.name, server.fromWorkspace ?? false])).toEqual([
      ["theirs", true],
      ["mine", false],
    ]);
  });

  it("reads plugins once, as the user's, when the workspace is the home folder", async () => {
    const { home, plugin } = setup();
    plugin("home", "a", { mcpServers: { mine: { command: "x" } } });
    const { servers } = await loadPluginServers({ workspace: home, home, env: {} });
    expect(servers.map((server) => [server.name, server.fromWorkspace ?? false])).toEqual([["mine", false]]);
  });

  it("reports a folder without a manifest, a manifest that is a FIFO, and one of corrupt JSON", {
    timeout: 5000,
  }, async () => {
    const { home, plugin, write, load } = setup();
    mkdirSync(join(pluginsFolder(home), "empty"), { recursive: true });
    const fifo = join(pluginsFolder(home), "fifo", ".claude-plugin");
    mkdirSync(fifo, { recursive: true });
    execFileSync("mkfifo", [join(fifo, "plugin.json")]);
    plugin("home", "broken", "{");
    const array = plugin("home", "list", []);
    write(join(pluginsFolder(home), "stray.json"), {});
    expect((await load()).problems).toEqual([
      expect.stringMatching(/broken\/\.claude-plugin\/plugin\.json: not valid JSON/),
      `${join(pluginsFolder(home), "empty")}: not a plugin (no .claude-plugin/plugin.json); skipped`,
      `${join(fifo, "plugin.json")}: not a regular file (fifo); skipped`,
      `${join(array, ".claude-plugin", "plugin.json")}: must be a JSON object; skipped`,
    ]);
  });
});
