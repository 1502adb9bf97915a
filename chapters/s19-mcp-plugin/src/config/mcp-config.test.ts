import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadMcpConfig, type McpConfigOptions } from "./mcp-config.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function setup() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "lcc-mcp-config-")));
  folders.push(root);
  const home = join(root, "home");
  const workspace = join(root, "workspace");
  mkdirSync(home);
  mkdirSync(workspace);
  const write = (path: string, value: unknown) => {
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  };
  const load = (options: Partial<McpConfigOptions> = {}) =>
    loadMcpConfig({ workspace, home, env: {}, ...options });
  return {
    root,
    home,
    workspace,
    write,
    load,
    claudeJson: join(home, ".claude.json"),
    mcpJson: join(workspace, ".mcp.json"),
  };
}

const server = (command: string) => ({ command });

describe("loadMcpConfig sources", () => {
  it("has no servers and no problems when nothing is configured", async () => {
    expect(await setup().load()).toEqual({ servers: [], problems: [] });
  });

  it("reads user servers from the top level of ~/.claude.json", async () => {
    const { write, load, claudeJson } = setup();
    write(claudeJson, { mcpServers: { docs: server("docs-server") }, projects: {} });
    const { servers } = await load();
    expect(servers).toEqual([
      expect.objectContaining({
        name: "docs",
        scope: "user",
        source: "~/.claude.json",
        config: expect.objectContaining({ command: "docs-server" }),
      }),
    ]);
    expect(servers[0]?.fromWorkspace).toBeUndefined();
  });

  it("reads local servers from ~/.claude.json under the workspace's real path", async () => {
    const { root, workspace, write, load, claudeJson } = setup();
    write(claudeJson, {
      projects: {
        [workspace]: { mcpServers: { mine: server("mine") } },
        "/other": { mcpServers: { theirs: server("x") } },
      },
    });
    const link = join(root, "link");
    symlinkSync(workspace, link);
    const { servers } = await load({ workspace: link });
    expect(servers.map((entry) => [entry.name, entry.scope])).toEqual([["mine", "local"]]);
  });

  it("reads project servers from <workspace>/.mcp.json and marks them as from the workspace", async () => {
    const { write, load, mcpJson } = setup();
    write(mcpJson, { mcpServers: { everything: { command: "npx", args: ["-y", "everything"] } } });
    const { servers } = await load();
    expect(servers).toEqual([
      expect.objectContaining({ name: "everything", scope: "project", source: mcpJson, fromWorkspace: true }),
    ]);
  });

  it("reads --mcp-config files (relative to the workspace) and inline JSON", async () => {
    const { workspace, write, load } = setup();
    write(join(workspace, "extra.json"), { mcpServers: { fromFile: server("a") } });
    const { servers, problems } = await load({
      mcpConfig: ["extra.json", '{"mcpServers": {"inline": {"type": "http", "url": "https://x.test/mcp"}}}'],
    });
    expect(problems).toEqual([]);
    expect(servers.map((entry) => [entry.name, entry.scope, entry.source])).toEqual([
      ["fromFile", "flag", "--mcp-config extra.json"],
      ["inline", "flag", "--mcp-config <json>"],
    ]);
  });

  it("reports a missing --mcp-config file, bad inline JSON and a file without mcpServers", async () => {
    const { workspace, write, load } = setup();
    write(join(workspace, "bare.json"), { a: server("a") });
    const { servers, problems } = await load({ mcpConfig: ["nope.json", "{not json", "bare.json"] });
    expect(servers).toEqual([]);
    expect(problems).toEqual([
      "--mcp-config nope.json: no such file; skipped",
      expect.stringMatching(/^--mcp-config <json>: not valid JSON \(.+\); skipped$/),
      '--mcp-config bare.json: expected {"mcpServers": {…}}; skipped',
    ]);
  });

  it("expands ${VAR} from the given environment and gives a server without its variable a problem", async () => {
    const { write, load, mcpJson } = setup();
    write(mcpJson, { mcpServers: { gh: { command: "gh-mcp", env: { TOKEN: "${GITHUB_TOKEN}" } } } });
    expect((await load({ env: { GITHUB_TOKEN: "t" } })).servers[0]?.config).toMatchObject({
      env: { TOKEN: "t" },
    });
    const [missing] = (await load()).servers;
    expect(missing).toMatchObject({ name: "gh", problem: "missing environment variable GITHUB_TOKEN" });
    expect(missing?.config).toBeUndefined();
  });

  it("keeps a server with an empty name as a problem rather than dropping it", async () => {
    const { write, load, mcpJson } = setup();
    write(mcpJson, { mcpServers: { "": server("x") } });
    expect((await load()).servers).toEqual([
      expect.objectContaining({ name: "", problem: "the server name is empty" }),
    ]);
  });
});

describe("loadMcpConfig precedence", () => {
  /** The same server name "shared" in every source, each with its own command. */
  function everySource() {
    const context = setup();
    const { home, workspace, write, claudeJson, mcpJson } = context;
    write(join(workspace, "flag.json"), { mcpServers: { shared: server("flag") } });
    write(claudeJson, {
      mcpServers: { shared: server("user") },
      projects: { [workspace]: { mcpServers: { shared: server("local") } } },
    });
    write(mcpJson, { mcpServers: { shared: server("project") } });
    write(join(home, ".lcc", "plugins", "p", ".claude-plugin", "plugin.json"), {
      mcpServers: { shared: server("plugin") },
    });
    return context;
  }

  it("lets flag win over local, project, user and plugin, reporting each shadowed server", async () => {
    const { load } = everySource();
    const { servers, problems } = await load({ mcpConfig: ["flag.json"] });
    expect(
      servers.map((entry) => [entry.scope, entry.config?.type === "stdio" && entry.config.command]),
    ).toEqual([["flag", "flag"]]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe(
      'server "shared" from ~/.claude.json (local) is shadowed by the one from --mcp-config flag.json (flag)',
    );
    expect(problems.map((problem) => /\((\w+)\) is shadowed/.exec(problem)?.[1])).toEqual([
      "local",
      "project",
      "user",
      "plugin",
    ]);
  });

  it("falls to local, then project, then user, then plugin as the stronger sources go away", async () => {
    const { load, write, claudeJson, mcpJson } = everySource();
    const winner = async () => (await load()).servers.map((entry) => entry.scope);
    expect(await winner()).toEqual(["local"]);
    write(claudeJson, { mcpServers: { shared: server("user") } });
    expect(await winner()).toEqual(["project"]);
    rmSync(mcpJson);
    expect(await winner()).toEqual(["user"]);
    write(claudeJson, {});
    expect(await winner()).toEqual(["plugin"]);
  });

  it("reads only --mcp-config servers in strict mode", async () => {
    const { load } = everySource();
    const result = await load({ mcpConfig: ["flag.json"], strict: true });
    expect(result).toEqual({ servers: [expect.objectContaining({ scope: "flag" })], problems: [] });
    expect(await load({ strict: true })).toEqual({ servers: [], problems: [] });
  });
});

describe("loadMcpConfig unsafe and broken files", () => {
  it("reports a FIFO as .mcp.json without blocking on it", { timeout: 5000 }, async () => {
    const { write, load, mcpJson, claudeJson } = setup();
    execFileSync("mkfifo", [mcpJson]);
    write(claudeJson, { mcpServers: { still: server("x") } });
    const { servers, problems } = await load();
    expect(problems).toEqual([`${mcpJson}: not a regular file (fifo); skipped`]);
    expect(servers.map((entry) => entry.name)).toEqual(["still"]);
  });

  it("reports a .mcp.json symlinked to /dev/zero without reading it", { timeout: 5000 }, async () => {
    const { load, mcpJson } = setup();
    symlinkSync("/dev/zero", mcpJson);
    expect((await load()).problems).toEqual([`${mcpJson}: not a regular file (character device); skipped`]);
  });

  it("reports a directory and a file over 1 MB", async () => {
    const { write, load, mcpJson, workspace } = setup();
    mkdirSync(mcpJson);
    write(join(workspace, "big.json"), `{"mcpServers": {}, "pad": "${"x".repeat(1024 * 1024)}"}`);
    expect((await load({ mcpConfig: ["big.json"] })).problems).toEqual([
      "--mcp-config big.json: larger than 1 MB; skipped",
      `${mcpJson}: not a regular file (directory); skipped`,
    ]);
  });

  it("reads a ~/.claude.json over 1 MB, since it also holds Claude Code's project history", async () => {
    const { write, load, claudeJson } = setup();
    write(claudeJson, { mcpServers: { user: server("u") }, history: "x".repeat(2 * 1024 * 1024) });
    expect(await load()).toEqual({ servers: [expect.objectContaining({ name: "user" })], problems: [] });
  });

  it("names a file of corrupt JSON and still reads the other sources", async () => {
    const { write, load, mcpJson, claudeJson } = setup();
    write(mcpJson, '{"mcpServers": {"a": ');
    write(claudeJson, { mcpServers: { user: server("u") } });
    const { servers, problems } = await load();
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${mcpJson}: not valid JSON \\(.+\\); skipped$`)),
    ]);
    expect(servers.map((entry) => entry.name)).toEqual(["user"]);
  });

  it("reports a corrupt ~/.claude.json, an mcpServers that is not an object, and a top level that is not one", async () => {
    const { write, load, claudeJson, mcpJson } = setup();
    write(claudeJson, "{oops");
    write(mcpJson, { mcpServers: ["a"] });
    expect((await load()).problems).toEqual([
      `"mcpServers" in ${mcpJson} must be an object of servers`,
      expect.stringMatching(/^~\/\.claude\.json: not valid JSON/),
    ]);
    write(claudeJson, "[]");
    expect((await load()).problems).toContain("~/.claude.json: must be a JSON object; skipped");
  });
});
