// The contract every MCP client passes, run on each client and transport: against the real server-everything
// (handshake, tool list, text and image results, errors, timeout, abort, a server killed mid-call, a server
// that never answers `initialize`, a clean close); stdio clients also against server-filesystem, server-memory
// and the scripted fixture (contract-reference-servers.ts, contract-scripted-server.ts).
import { describe, expect, it } from "vitest";
import { describeReferenceServersContract } from "./contract-reference-servers.ts";
import { describeScriptedServerContract } from "./contract-scripted-server.ts";
import { type StartSubject, useOwnSubjects, useSharedSubject } from "./contract-subject.ts";
import type { McpClientOptions } from "./mcp-client.ts";
import type { McpError } from "./mcp-error.ts";
import type { StdioServerCommand } from "./server-process.ts";
import { rejectionOf } from "./test-servers.ts";

export type { ContractSubject } from "./contract-subject.ts";

export interface ContractSetup {
  /** A client for server-everything (not yet connected). */
  startEverything: StartSubject;
  /** A client for a server that never answers `initialize`. */
  startSilent: StartSubject;
  /** Stdio clients: a client for any stdio server (the reference servers, the scripted fixture). */
  startStdio?: (server: StdioServerCommand, options: McpClientOptions) => ReturnType<StartSubject>;
  /** The McpError kind a killed server gives a pending call. */
  killedKind: McpError["kind"];
}

const LONG_OPERATION = { name: "trigger-long-running-operation", args: { duration: 10, steps: 10 } };

/** Registers the contract tests for one client/transport under `label`. */
export function describeMcpClientContract(label: string, setup: ContractSetup): void {
  describe(`${label} (MCP client contract)`, () => {
    describeEverythingContract(setup);
    describeLifecycleContract(setup);
    if (setup.startStdio) {
      describeReferenceServersContract(setup.startStdio);
      describeScriptedServerContract(setup.startStdio);
    }
  });
}

/** Requests on one connected server-everything, shared by the block (none of them breaks the connection). */
function describeEverythingContract(setup: ContractSetup): void {
  describe("against server-everything", () => {
    const subject = useSharedSubject(() => setup.startEverything({}));

    it("connects with initialize and reports the server's identity and capabilities", () => {
      const { client } = subject();
      expect(client.state).toEqual({ status: "connected" });
      expect(client.serverInfo?.name).toContain("everything");
      expect(client.serverInfo?.capabilities).toHaveProperty("tools");
    });

    it("lists the server's tools with their input schemas", async () => {
      const tools = await subject().client.listTools();
      const names = tools.map((tool) => tool.name);
      expect(names).toEqual(
        expect.arrayContaining(["echo", "get-sum", "get-tiny-image", LONG_OPERATION.name]),
      );
      const echo = tools.find((tool) => tool.name === "echo");
      expect(echo?.inputSchema).toMatchObject({ type: "object", required: ["message"] });
      expect(echo?.annotations?.readOnlyHint).toBe(true);
    });

    it("calls a tool and returns its text", async () => {
      const { client } = subject();
      const result = await client.callTool("echo", { message: "hello over MCP" });
      expect(result).toEqual({ content: [{ type: "text", text: "Echo: hello over MCP" }], isError: false });
      const sum = await client.callTool("get-sum", { a: 2, b: 40 });
      expect(sum.content[0]).toEqual({ type: "text", text: expect.stringContaining("42") });
    });

    it("keeps an image block with its data and mime type", async () => {
      const result = await subject().client.callTool("get-tiny-image", {});
      const image = result.content.find((block) => block.type === "image");
      expect(image).toMatchObject({ type: "image", mimeType: "image/png" });
      expect(image?.type === "image" && image.data.startsWith("iVBORw0KGgo")).toBe(true);
      expect(result.content.some((block) => block.type === "text")).toBe(true);
    });

    it("reports an unknown tool as an error result that names it", async () => {
      const result = await subject().client.callTool("no-such-tool", {});
      expect(result.isError).toBe(true);
      expect(result.content[0]).toEqual({ type: "text", text: expect.stringContaining("no-such-tool") });
    });

    it("times a slow call out and keeps working afterwards", async () => {
      const { client } = subject();
      const startedAt = Date.now();
      const error = await rejectionOf(
        client.callTool(LONG_OPERATION.name, LONG_OPERATION.args, { timeoutMs: 300 }),
      );
      expect(error.kind).toBe("timeout");
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      expect(client.state).toEqual({ status: "connected" });
      expect((await client.callTool("echo", { message: "still here" })).isError).toBe(false);
    });

    it("honours an abort signal in the middle of a call", async () => {
      const { client } = subject();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      const error = await rejectionOf(
        client.callTool(LONG_OPERATION.name, LONG_OPERATION.args, { signal: controller.signal }),
      );
      expect(error.kind).toBe("aborted");
      expect((await client.callTool("echo", { message: "after abort" })).isError).toBe(false);
    });
  });
}

/** Ends of a connection, each on its own server: killed mid-call, never initialized, closed. */
function describeLifecycleContract(setup: ContractSetup): void {
  describe("lifecycle", () => {
    const startEverything = useOwnSubjects(setup.startEverything);
    const startSilent = useOwnSubjects(setup.startSilent);

    it("fails a pending call with a clear reason when the server is killed, and is failed", async () => {
      const subject = await startEverything({});
      await subject.client.connect();
      const call = rejectionOf(
        subject.client.callTool(LONG_OPERATION.name, LONG_OPERATION.args, { timeoutMs: 8_000 }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await subject.killServer();
      const error = await call;
      expect(error.kind).toBe(setup.killedKind);
      expect(error.message).not.toBe("");
      expect(subject.client.state.status).toBe("failed");
      const next = await rejectionOf(subject.client.callTool("echo", { message: "dead" }));
      expect(next.kind).toBe("not_connected");
    });

    it("fails connect after its timeout when the server never answers initialize", async () => {
      const subject = await startSilent({ connectTimeoutMs: 500 });
      const error = await rejectionOf(subject.client.connect());
      expect(error.kind).toBe("connect_failed");
      expect(error.message).toContain("500 ms");
      expect(subject.client.state).toEqual({
        status: "failed",
        reason: expect.stringContaining("initialize"),
      });
      if (subject.isServerGone) expect(subject.isServerGone()).toBe(true);
    });

    it("closes cleanly: pending calls end, the state is closed and no server process is left", async () => {
      const subject = await startEverything({});
      await subject.client.connect();
      const call = rejectionOf(subject.client.callTool(LONG_OPERATION.name, LONG_OPERATION.args));
      await subject.client.close();
      expect((await call).kind).toBe("closed");
      expect(subject.client.state).toEqual({ status: "closed" });
      if (subject.isServerGone) expect(subject.isServerGone()).toBe(true);
    });
  });
}
