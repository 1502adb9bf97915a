// The request store over the file transport: listing with filters, the message shape, and the bound on
// decided requests (the newest N stay, pending ones are never deleted), so kv.json stops growing.
import { stat } from "node:fs/promises";
import { openFileTransport, teamFolderPaths } from "@lcc/s15";
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { formatProtocolMessage, parseProtocolMessage } from "./protocol-message.ts";
import { createProtocolRequests } from "./request-store.ts";

const addCleanup = useCleanups();

async function store(keepDecided?: number) {
  const workspace = await makeTempFolder(addCleanup, "lcc-s16-store-");
  const transport = await openFileTransport({ workspace, env: { HOME: workspace } });
  return {
    workspace,
    transport,
    requests: createProtocolRequests(transport, keepDecided === undefined ? {} : { keepDecided }),
  };
}

describe("the protocol request store", () => {
  it("lists requests oldest first, filtered by state, kind and addressee", async () => {
    const { requests } = await store();
    const plan = await requests.create({ kind: "plan", from: "alice", to: "lead", body: "1. edit" });
    const stop = await requests.create({ kind: "shutdown", from: "lead", to: "bob", body: "done" });
    await requests.answer(plan, { approve: true });
    expect((await requests.list()).map((request) => request.id)).toEqual([plan, stop]);
    expect((await requests.list({ state: "pending" })).map((request) => request.id)).toEqual([stop]);
    expect(await requests.list({ kind: "shutdown", to: "alice" })).toEqual([]);
    expect((await requests.list({ from: "alice", state: "approved" }))[0]).toMatchObject({ id: plan });
  });

  it("keeps the newest decided requests and every pending one; kv.json stops growing", async () => {
    const { requests, workspace } = await store(5);
    const pending = await requests.create({ kind: "plan", from: "alice", to: "lead", body: "still open" });
    const decided: string[] = [];
    for (let index = 0; index < 12; index++) {
      const id = await requests.create({ kind: "shutdown", from: "lead", to: "bob", body: `round ${index}` });
      await requests.answer(id, { approve: index % 2 === 0 });
      decided.push(id);
    }
    const sizeAfter12 = (await stat(teamFolderPaths(workspace).keys)).size;
    for (let index = 0; index < 12; index++)
      await requests.expire(
        await requests.create({ kind: "shutdown", from: "lead", to: "bob", body: "again" }),
      );
    // The pass before each create keeps 5 decided; the last decision is on top of them.
    const kept = await requests.list();
    expect(kept.filter((request) => request.state !== "pending")).toHaveLength(6);
    expect(kept.find((request) => request.id === pending)?.state).toBe("pending");
    expect(kept.map((request) => request.id)).not.toContain(decided[0]);
    expect((await stat(teamFolderPaths(workspace).keys)).size).toBeLessThanOrEqual(sizeAfter12 + 200);
    expect(await requests.prune()).toBe(1);
    expect(await requests.list({ state: "pending" })).toHaveLength(1);
  });

  it("leaves a record edited by hand alone", async () => {
    const { requests, transport } = await store(0);
    await transport.compareAndSet("request:req_00000000000000ff", undefined, "not json");
    expect(await requests.list()).toEqual([]);
    expect(await requests.prune()).toBe(0);
    expect(await transport.get("request:req_00000000000000ff")).toBe("not json");
  });
});

describe("the protocol message shape", () => {
  it("names the request in its first words and round-trips through parse", () => {
    const request = {
      type: "request",
      kind: "shutdown",
      request_id: "req_0123456789abcdef",
      body: "done",
    } as const;
    const text = formatProtocolMessage(request);
    expect(text).toMatch(/^shutdown_request req_0123456789abcdef: done\n\nAnswer with shutdown_response/);
    expect(parseProtocolMessage(text)).toEqual(request);
    const response = {
      ...request,
      type: "response",
      state: "rejected",
      body: "tests still running",
    } as const;
    expect(formatProtocolMessage(response)).toBe(
      "shutdown_response req_0123456789abcdef rejected: tests still running",
    );
    expect(parseProtocolMessage(formatProtocolMessage(response))).toEqual(response);
    expect(parseProtocolMessage("plan_response req_0123456789abcdef")).toBeUndefined();
    expect(parseProtocolMessage("hello")).toBeUndefined();
  });
});
