// A server that crashes, dies while idle, keeps failing, is reconnected, disabled or changes its tools:
// real processes of the scripted fixture, the hub's clock moved by the test to pass the backoff.
import { describe, expect, it } from "vitest";
import { rejectionOf } from "../mcp/test-servers.ts";
import { alivePids, eventually, scriptedServer, useTestHubs } from "./test-hub.ts";

describe("restarting MCP servers", () => {
  const setupHub = useTestHubs();

  async function connected(...names: string[]) {
    const test = setupHub(names.map((name) => scriptedServer(name)));
    test.hub.start();
    await test.hub.settled(5_000);
    return test;
  }

  it("fails a call at once when its server crashes, and restarts the server on a call after the backoff", async () => {
    const { hub, view, pids, clock } = await connected("fragile");
    const startedAt = Date.now();
    const crash = await rejectionOf(hub.callTool("fragile", "crash", { code: 5 }));
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(crash.kind).toBe("server_exited");
    expect(crash.message).toMatch(
      /^MCP server fragile crashed \(server exited with code 5.*crashing on purpose/s,
    );
    expect(crash.details.retryInMs).toBe(1_000);
    expect(view("fragile")).toMatchObject({ status: "failed", nextRetryAt: 1_000, restarts: 0 });
    expect(await eventually(() => alivePids(pids()).length === 0)).toBe(true);

    const early = await rejectionOf(hub.callTool("fragile", "echo", { text: "too soon" }));
    expect(early).toMatchObject({ kind: "not_connected", details: { retryInMs: 1_000 } });
    expect(early.message).toContain("in 1 s at the earliest");
    expect(pids()).toHaveLength(1);

    clock.now = 1_000;
    const echoed = await hub.callTool("fragile", "echo", { text: "back" });
    expect(echoed.content).toEqual([{ type: "text", text: "echo: back" }]);
    expect(view("fragile")).toMatchObject({ status: "connected", restarts: 1 });
    expect(pids()).toHaveLength(2);
    await rejectionOf(hub.callTool("fragile", "crash", {}));
    expect(view("fragile").nextRetryAt).toBe(2_000); // a call went well in between: back to 1 s
  });

  it("doubles the wait while the server fails again right after each restart", async () => {
    const { hub, view, clock } = await connected("fragile");
    await rejectionOf(hub.callTool("fragile", "crash", {}));
    expect(view("fragile").nextRetryAt).toBe(1_000);
    clock.now = 1_000;
    await rejectionOf(hub.callTool("fragile", "crash", {}));
    expect(view("fragile").nextRetryAt).toBe(3_000);
    clock.now = 3_000;
    await rejectionOf(hub.callTool("fragile", "crash", {}));
    expect(view("fragile")).toMatchObject({ nextRetryAt: 7_000, restarts: 2 });
  });

  it("keeps retrying a server that fails at start, later each time", async () => {
    const { hub, view, clock } = setupHub([scriptedServer("broken", { SCRIPTED_EXIT_AT_START: "1" })]);
    hub.start();
    await hub.settled(5_000);
    expect(view("broken")).toMatchObject({ status: "failed", nextRetryAt: 1_000 });
    clock.now = 1_000;
    const error = await rejectionOf(hub.callTool("broken", "echo", { text: "x" }));
    expect(error.kind).toBe("connect_failed");
    expect(error.message).toContain("failing at start on purpose");
    expect(view("broken")).toMatchObject({ status: "failed", nextRetryAt: 3_000, restarts: 1 });
  });

  it("reports a server that dies while idle as failed at once, with the signal", async () => {
    const { hub, view, pids, changes } = await connected("idle");
    const [pid] = pids();
    process.kill(pid ?? 0, "SIGKILL");
    expect(await eventually(() => view("idle").status === "failed")).toBe(true);
    expect(view("idle").reason).toContain("SIGKILL");
    expect(changes.at(-1)).toMatchObject({ name: "idle", status: "failed" });
    expect(view("idle").tools.length).toBeGreaterThan(0); // kept: the agent still knows what it offered
    expect((await rejectionOf(hub.callTool("idle", "echo", { text: "x" }))).kind).toBe("not_connected");
  });

  it("reconnects at once whatever the backoff, and counts the restart", async () => {
    const { hub, view } = await connected("fragile");
    await rejectionOf(hub.callTool("fragile", "crash", {}));
    await hub.reconnect("fragile");
    expect(view("fragile")).toMatchObject({ status: "connected", restarts: 1 });
    expect((await hub.callTool("fragile", "echo", { text: "again" })).isError).toBe(false);
    await expect(hub.reconnect("nobody")).rejects.toThrow('no MCP server named "nobody"');
  });

  it("stops a disabled server and refuses its calls; starting it by name brings it back", async () => {
    const { hub, view, pids } = await connected("switchable");
    hub.setStatus("switchable", "disabled");
    expect(view("switchable").status).toBe("disabled");
    expect(await eventually(() => alivePids(pids()).length === 0)).toBe(true);
    const refused = await rejectionOf(hub.callTool("switchable", "echo", { text: "x" }));
    expect(refused.message).toContain("MCP server switchable is disabled");
    hub.start();
    expect(view("switchable").status).toBe("disabled");
    hub.start(["switchable"]);
    await hub.settled(5_000);
    expect(view("switchable").status).toBe("connected");
  });

  it("refreshes the tool list when the server says it changed", async () => {
    const { hub, view, changes } = await connected("growing");
    expect(view("growing").tools.map((tool) => tool.name)).not.toContain("late-tool");
    await hub.callTool("growing", "add-tool", { name: "late-tool" });
    expect(await eventually(() => view("growing").tools.some((tool) => tool.name === "late-tool"))).toBe(
      true,
    );
    expect(changes.at(-1)?.tools.map((tool) => tool.name)).toContain("late-tool");
  });
});
