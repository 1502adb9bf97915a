// The hub starting real servers: states and reasons, parallel start, tool calls and their timeouts, the
// environment and cwd a server gets, Streamable HTTP, and a close that leaves no process.
import { mkdir, mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf, silentServerCommand, startEverythingHttp } from "../mcp/test-servers.ts";
import { alivePids, configuredServer, scriptedServer, useTestHubs } from "./test-hub.ts";

const textOf = (result: { content: Array<{ type: string; text?: string }> }) =>
  result.content.map((block) => block.text ?? "").join("\n");

describe("the MCP hub", () => {
  const setupHub = useTestHubs();

  it("connects good servers and fails broken ones with the reason (connect timeout: MCP_TIMEOUT)", async () => {
    const silent = silentServerCommand();
    const { hub, view, changes } = setupHub(
      [
        scriptedServer("good"),
        configuredServer("missing", { type: "stdio", command: "/nonexistent/mcp", args: [], env: {} }),
        scriptedServer("exits", { SCRIPTED_EXIT_AT_START: "4" }),
        configuredServer("silent", {
          type: "stdio",
          command: silent.command,
          args: silent.args ?? [],
          env: {},
        }),
        configuredServer("unset", undefined, { problem: "missing environment variable GITHUB_TOKEN" }),
        scriptedServer("workspace", {}, { scope: "project", fromWorkspace: true }),
      ],
      { env: { MCP_TIMEOUT: "800" } },
    );
    expect(view("workspace").status).toBe("pending-approval");
    hub.start();
    await hub.settled(5_000);

    expect(view("good")).toMatchObject({ status: "connected", transport: "stdio", restarts: 0 });
    expect(view("good").serverInfo?.name).toBe("scripted");
    expect(view("good").tools.map((tool) => tool.name)).toContain("echo");
    expect(view("missing")).toMatchObject({ status: "failed", reason: expect.stringContaining("ENOENT") });
    expect(view("exits").reason).toMatch(/code 4.*failing at start on purpose/s);
    expect(view("silent")).toMatchObject({ status: "failed", reason: expect.stringContaining("800 ms") });
    expect(view("unset")).toMatchObject({
      status: "failed",
      reason: "missing environment variable GITHUB_TOKEN",
    });
    expect(view("workspace").status).toBe("pending-approval");
    const goodChanges = changes.filter((change) => change.name === "good").map((change) => change.status);
    expect(goodChanges).toEqual(["connecting", "connected"]);
    expect(changes.some((change) => change.name === "unset" && change.status === "failed")).toBe(true);
  });

  it("starts named servers whatever their status, and only once", async () => {
    const { hub, view, changes } = setupHub([scriptedServer("workspace", {}, { fromWorkspace: true })]);
    hub.start();
    expect(view("workspace").status).toBe("pending-approval");
    hub.start(["workspace", "unknown"]);
    hub.start(["workspace"]);
    await hub.settled(5_000);
    expect(view("workspace").status).toBe("connected");
    expect(changes.filter((change) => change.status === "connecting")).toHaveLength(1);
  });

  it("starts servers in parallel: two slow servers take about as long as one", async () => {
    const slow = { SCRIPTED_INITIALIZE_DELAY_MS: "1500" };
    const { hub, view } = setupHub([scriptedServer("slow-1", slow), scriptedServer("slow-2", slow)]);
    const startedAt = Date.now();
    hub.start();
    await hub.settled(10_000);
    expect(Date.now() - startedAt).toBeLessThan(2_900); // one after the other would take 3 s and more
    expect([view("slow-1").status, view("slow-2").status]).toEqual(["connected", "connected"]);
  });

  it("stops waiting in settled after waitMs while a server still connects", async () => {
    const { hub, view } = setupHub([scriptedServer("slow", { SCRIPTED_INITIALIZE_DELAY_MS: "3000" })]);
    hub.start();
    const startedAt = Date.now();
    await hub.settled(300);
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    expect(view("slow").status).toBe("connecting");
  });

  it("calls a tool, and times a call out by its own timeout or the hub's (MCP_TOOL_TIMEOUT)", async () => {
    const { hub } = setupHub([scriptedServer("scripted")], { env: { MCP_TOOL_TIMEOUT: "300" } });
    hub.start();
    await hub.settled(5_000);
    const echoed = await hub.callTool("scripted", "echo", { text: "hi" });
    expect(echoed).toEqual({ content: [{ type: "text", text: "echo: hi" }], isError: false });
    const byCall = await rejectionOf(hub.callTool("scripted", "sleep", {}, { timeoutMs: 100 }));
    expect(byCall).toMatchObject({ kind: "timeout", message: expect.stringContaining("100 ms") });
    const byHub = await rejectionOf(hub.callTool("scripted", "sleep", {}));
    expect(byHub).toMatchObject({ kind: "timeout", message: expect.stringContaining("300 ms") });
    const unknown = await rejectionOf(hub.callTool("nobody", "echo", {}));
    expect(unknown.message).toContain('no MCP server named "nobody"');
  });

  it("aborts a call and a wait for the connect with the caller's signal", async () => {
    const { hub } = setupHub([scriptedServer("slow", { SCRIPTED_INITIALIZE_DELAY_MS: "2000" })]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const startedAt = Date.now();
    const error = await rejectionOf(
      hub.callTool("slow", "echo", { text: "x" }, { signal: controller.signal }),
    );
    expect(error.kind).toBe("aborted");
    expect(Date.now() - startedAt).toBeLessThan(1_500);
  });

  describe("a stdio server's environment and folder", () => {
    let workspace = "";
    const secret = "ANTHROPIC_API_KEY";
    const before = process.env[secret];
    beforeAll(async () => {
      workspace = await realpath(await mkdtemp(join(tmpdir(), "lcc-hub-")));
      await mkdir(join(workspace, "tools"));
      process.env[secret] = "sk-ant-test-secret";
    });
    afterAll(async () => {
      if (before === undefined) delete process.env[secret];
      else process.env[secret] = before;
      await rm(workspace, { recursive: true, force: true });
    });

    it("gets the basic variables and its own env, never the user's API key, in the workspace", async () => {
      const inTools = scriptedServer("in-tools", { MARKER: "1" });
      if (inTools.config?.type === "stdio") inTools.config.cwd = "tools";
      const { hub } = setupHub([scriptedServer("plain", { MARKER: "1" }), inTools], { workspace });
      hub.start();
      await hub.settled(5_000);
      const plain = JSON.parse(textOf(await hub.callTool("plain", "whereami", {})));
      expect(plain.cwd).toBe(workspace);
      expect(plain.env).toContain("MARKER");
      expect(plain.env).toContain("PATH");
      expect(plain.env).not.toContain(secret);
      const nested = JSON.parse(textOf(await hub.callTool("in-tools", "whereami", {})));
      expect(nested.cwd).toBe(join(workspace, "tools"));
    });
  });

  it("reaches a Streamable HTTP server with the default client", async () => {
    const http = await startEverythingHttp();
    try {
      const { hub, view } = setupHub([
        configuredServer("remote", { type: "http", url: http.url.href, headers: {} }),
      ]);
      hub.start();
      await hub.settled(10_000);
      expect(view("remote")).toMatchObject({ status: "connected", transport: "http" });
      const result = await hub.callTool("remote", "echo", { message: "over http" });
      expect(textOf(result)).toBe("Echo: over http");
    } finally {
      await http.kill();
    }
  });

  it("closes every server: no process is left and calls fail as closed", async () => {
    const { hub, pids } = setupHub([scriptedServer("one"), scriptedServer("two"), scriptedServer("three")]);
    hub.start();
    await hub.settled(5_000);
    expect(alivePids(pids())).toHaveLength(3);
    await hub.close();
    expect(alivePids(pids())).toEqual([]);
    expect((await rejectionOf(hub.callTool("one", "echo", { text: "x" }))).kind).toBe("closed");
  });
});
