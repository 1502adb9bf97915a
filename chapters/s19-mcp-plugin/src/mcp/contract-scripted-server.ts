// The client contract against the scripted fixture: what server-everything cannot be made to do on cue —
// the server pings the client, logs, prints a stray stdout line, pages tools/list, sees the cancel of an
// aborted call, changes its tool list, exits mid-call or at start.
import { describe, expect, it } from "vitest";
import { type StartSubject, useOwnSubjects, useSharedSubject } from "./contract-subject.ts";
import type { McpClientState, McpNotification } from "./mcp-client.ts";
import { buildServerEnvironment } from "./server-environment.ts";
import type { StdioServerCommand } from "./server-process.ts";
import { rejectionOf, scriptedServerCommand } from "./test-servers.ts";

type StartStdio = (
  server: StdioServerCommand,
  options: Parameters<StartSubject>[0],
) => ReturnType<StartSubject>;

const SCRIPTED_TOOLS = ["echo", "sleep", "cancellations", "crash", "fail", "mixed", "add-tool", "whereami"];

/** Polls `condition` every 20 ms for up to `withinMs`; false when it never held. */
async function eventually(condition: () => boolean, withinMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

/** Registers the scripted-fixture blocks for a stdio client. */
export function describeScriptedServerContract(startStdio: StartStdio): void {
  describe("against the scripted fixture", () => {
    const notifications: McpNotification[] = [];
    const subject = useSharedSubject(() =>
      startStdio(scriptedServerCommand({ SCRIPTED_PAGE_SIZE: "3" }), {
        onNotification: (notification) => notifications.push(notification),
      }),
    );

    it("answers the server's ping and passes the server's log notification on", async () => {
      const logged = () =>
        notifications.some((notification) => notification.method === "notifications/message");
      expect(await eventually(logged)).toBe(true);
      expect(notifications).toContainEqual({
        method: "notifications/message",
        params: { level: "info", logger: "scripted", data: "ping answered" },
      });
    });

    it("tolerates a stray non-JSON line on stdout and keeps it with the stderr tail", () => {
      const { client } = subject();
      expect(client.state).toEqual({ status: "connected" });
      expect(client.stderrTail).toContain("a stray line on stdout");
    });

    it("follows nextCursor through every page of tools/list", async () => {
      const names = (await subject().client.listTools()).map((tool) => tool.name);
      expect(names.slice(0, SCRIPTED_TOOLS.length)).toEqual(SCRIPTED_TOOLS);
    });

    it("tells the server when a call is aborted (notifications/cancelled)", async () => {
      const { client } = subject();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await rejectionOf(client.callTool("sleep", {}, { signal: controller.signal }));
      expect(error.kind).toBe("aborted");
      const cancelled = await client.callTool("cancellations", {});
      expect(cancelled.content).toEqual([{ type: "text", text: expect.stringMatching(/^\[("?\w+"?)\]$/) }]);
    });

    it("passes the server's tools/list_changed notification on, and lists the new tool", async () => {
      const { client } = subject();
      await client.callTool("add-tool", { name: "late-tool" });
      const changed = () => notifications.some((item) => item.method === "notifications/tools/list_changed");
      expect(await eventually(changed)).toBe(true);
      expect((await client.listTools()).map((tool) => tool.name)).toContain("late-tool");
    });
  });

  describe("the scripted fixture ending", () => {
    const startOwn = useOwnSubjects(startStdio);
    const states: McpClientState[] = [];
    const startScripted = async (env: Record<string, string> = {}) => {
      states.length = 0;
      return startOwn(scriptedServerCommand(env), { onStateChange: (state) => states.push(state) });
    };

    it("fails a pending call at once when the server exits mid-call, with its exit code and stderr", async () => {
      const subject = await startScripted();
      await subject.client.connect();
      const startedAt = Date.now();
      const error = await rejectionOf(subject.client.callTool("crash", { code: 3 }, { timeoutMs: 20_000 }));
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect(error.kind).toBe("server_exited");
      expect(error.message).toContain("code 3");
      expect(error.message).toContain("crashing on purpose");
      expect(subject.client.state).toMatchObject({ status: "failed" });
      expect(states.map((state) => state.status)).toEqual(["connecting", "connected", "failed"]);
    });

    it("reports an idle server's death through onStateChange, with the signal", async () => {
      const subject = await startScripted();
      await subject.client.connect();
      await subject.killServer();
      expect(await eventually(() => states.some((state) => state.status === "failed"))).toBe(true);
      expect(subject.client.state).toEqual({ status: "failed", reason: expect.stringContaining("SIGKILL") });
    });

    it("fails connect with the exit code and stderr of a server that exits at start", async () => {
      const subject = await startScripted({ SCRIPTED_EXIT_AT_START: "2" });
      const error = await rejectionOf(subject.client.connect());
      expect(error.kind).toBe("connect_failed");
      expect(error.message).toContain("code 2");
      expect(error.message).toContain("failing at start on purpose");
    });

    it("fails connect when the command does not exist", async () => {
      const missing = { command: "/nonexistent/mcp-server", env: buildServerEnvironment() };
      const subject = await startOwn(missing, {});
      const error = await rejectionOf(subject.client.connect());
      expect(error.kind).toBe("connect_failed");
      expect(error.message).toContain("ENOENT");
    });
  });
}
