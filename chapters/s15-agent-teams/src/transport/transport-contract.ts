// The contract every team transport keeps, as one vitest suite run on each backend: order and ids, cursors
// that only move forward, compare-and-set, prefixes, and the counts under real concurrent processes.
import { type AddCleanup, useCleanups } from "@lcc/testkit/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { openTeamTransport } from "./open-team-transport.ts";
import { compareStreamIds, type TeamTransport } from "./team-transport.ts";
import { startTeamWorkerProcess, type TeamWorkerProcess } from "./team-worker-process.ts";

/** One test's store: a fresh workspace, and the environment that selects the backend. */
export interface TransportStore {
  workspace: string;
  env: NodeJS.ProcessEnv;
}

// Real processes contend for the same stream and key. Four are enough to interleave appends and claims on
// two cores (each costs a Node start); the 10 × 100 count runs in-process through the team (team-count.test.ts).
const WRITERS = 4;
const MESSAGES_EACH = 50;
const CONTENDERS = 4;

/**
 * Defines the contract suite for one backend. `createStore` makes a fresh, empty store per test (adding
 * its own cleanups); every transport and child process the suite opens is closed after the test.
 */
export function transportContract(
  name: "file" | "redis",
  createStore: (addCleanup: AddCleanup) => Promise<TransportStore>,
): void {
  const addCleanup = useCleanups();
  const setup = async () => {
    const store = await createStore(addCleanup);
    const open = async (): Promise<TeamTransport> => {
      const transport = await openTeamTransport(store);
      addCleanup(() => transport.close());
      return transport;
    };
    return { store, open, transport: await open() };
  };
  // Warm worker processes shared by the concurrency tests of this suite.
  const pool: TeamWorkerProcess[] = [];
  const workers = async (count: number): Promise<TeamWorkerProcess[]> => {
    while (pool.length < count) pool.push(startTeamWorkerProcess());
    await Promise.all(pool.map((worker) => worker.ready));
    return pool.slice(0, count);
  };
  afterAll(() => {
    for (const worker of pool) worker.kill();
  });

  describe(`the ${name} transport contract`, () => {
    it("is the backend the environment selects", async () => {
      expect((await setup()).transport.kind).toBe(name);
    });

    it("reads appends back oldest first, with growing ids, after an id exclusive, at most `limit`", async () => {
      const { transport } = await setup();
      const ids: string[] = [];
      for (let index = 1; index <= 5; index++) ids.push(await transport.append("inbox:alice", { index }));
      expect(await transport.read("inbox:alice")).toEqual(
        ids.map((id, index) => ({ id, message: { index: index + 1 } })),
      );
      for (let index = 1; index < ids.length; index++)
        expect(compareStreamIds(ids[index - 1] as string, ids[index] as string)).toBeLessThan(0);
      expect((await transport.read("inbox:alice", ids[1])).map((entry) => entry.id)).toEqual(ids.slice(2));
      expect((await transport.read("inbox:alice", ids[1], 2)).map((entry) => entry.id)).toEqual(
        ids.slice(2, 4),
      );
      expect(await transport.read("inbox:alice", ids[4])).toEqual([]);
      expect(await transport.read("inbox:bob")).toEqual([]);
    });

    it("returns 100 entries by default and keeps any JSON message as it was", async () => {
      const { transport } = await setup();
      for (let index = 0; index < 105; index++) await transport.append("events", index);
      expect(await transport.read("events")).toHaveLength(100);
      const message = { text: "héllo\nworld", list: [1, null, true], nested: { quote: '"' } };
      const id = await transport.append("requests", message);
      expect(await transport.read("requests")).toEqual([{ id, message }]);
    });

    it("keeps one transport's appends in call order even when they are not awaited one by one", async () => {
      const { transport } = await setup();
      await Promise.all(Array.from({ length: 50 }, (_, index) => transport.append("events", index)));
      expect((await transport.read("events")).map((entry) => entry.message)).toEqual([...Array(50).keys()]);
    });

    it("refuses bad stream names, consumer names, keys, ids and limits", async () => {
      const { transport } = await setup();
      await expect(transport.append("../escape", 1)).rejects.toThrow(/stream name "..\/escape" is invalid/);
      await expect(transport.append("Inbox", 1)).rejects.toThrow(/stream name/);
      await expect(transport.cursor("inbox:alice", "a/b")).rejects.toThrow(/consumer name/);
      await expect(transport.get("claim task")).rejects.toThrow(/key "claim task" is invalid/);
      await expect(transport.read("inbox:alice", "not-an-id")).rejects.toThrow(/not an id/);
      await expect(transport.read("inbox:alice", undefined, 0)).rejects.toThrow(/limit 0 is invalid/);
      await expect(transport.append("events", undefined)).rejects.toThrow(/cannot be sent as JSON/);
    });

    it("saves a consumer's cursor per stream and moves it only forward", async () => {
      const { transport } = await setup();
      const first = await transport.append("inbox:alice", "one");
      const second = await transport.append("inbox:alice", "two");
      expect(await transport.cursor("inbox:alice", "alice")).toBeUndefined();
      await transport.acknowledge("inbox:alice", "alice", second);
      await transport.acknowledge("inbox:alice", "alice", first);
      expect(await transport.cursor("inbox:alice", "alice")).toBe(second);
      expect(await transport.cursor("inbox:alice", "lead")).toBeUndefined();
      expect(await transport.cursor("events", "alice")).toBeUndefined();
    });

    it("delivers a message that arrives between a read and its acknowledgement in the next read", async () => {
      const { transport, open } = await setup();
      const sender = await open();
      await sender.append("inbox:alice", "before");
      const firstRead = await transport.read("inbox:alice", await transport.cursor("inbox:alice", "alice"));
      await sender.append("inbox:alice", "during");
      await transport.acknowledge("inbox:alice", "alice", (firstRead.at(-1) as { id: string }).id);
      const secondRead = await transport.read("inbox:alice", await transport.cursor("inbox:alice", "alice"));
      expect(firstRead.map((entry) => entry.message)).toEqual(["before"]);
      expect(secondRead.map((entry) => entry.message)).toEqual(["during"]);
    });

    it("sets a key only from the expected value: absent to a value, value to value, value to absent", async () => {
      const { transport } = await setup();
      expect(await transport.get("claim:task:7")).toBeUndefined();
      expect(await transport.compareAndSet("claim:task:7", "bob", "alice")).toBe(false);
      expect(await transport.compareAndSet("claim:task:7", undefined, "alice")).toBe(true);
      expect(await transport.compareAndSet("claim:task:7", undefined, "bob")).toBe(false);
      expect(await transport.get("claim:task:7")).toBe("alice");
      expect(await transport.compareAndSet("claim:task:7", "alice", "bob")).toBe(true);
      expect(await transport.get("claim:task:7")).toBe("bob");
      expect(await transport.compareAndSet("claim:task:7", "alice", undefined)).toBe(false);
      expect(await transport.compareAndSet("claim:task:7", "bob", undefined)).toBe(true);
      expect(await transport.get("claim:task:7")).toBeUndefined();
      expect(await transport.compareAndSet("claim:task:7", undefined, "")).toBe(true);
      expect(await transport.get("claim:task:7")).toBe("");
    });

    it("lists the keys that start with a prefix, with their values", async () => {
      const { transport } = await setup();
      await transport.compareAndSet("member:bob", undefined, "working");
      await transport.compareAndSet("member:alice", undefined, "idle");
      await transport.compareAndSet("claim:task:1", undefined, "alice");
      expect(await transport.list("member:")).toEqual({ "member:alice": "idle", "member:bob": "working" });
      expect(await transport.list("claim:")).toEqual({ "claim:task:1": "alice" });
      expect(await transport.list("nothing:")).toEqual({});
      expect(Object.keys(await transport.list(""))).toHaveLength(3);
    });

    it(`loses and duplicates none of ${WRITERS} processes × ${MESSAGES_EACH} appends and keeps each writer's order`, async () => {
      const { store, transport } = await setup();
      const writers = await workers(WRITERS);
      const outcomes = await Promise.all(
        writers.map((worker, number) =>
          worker.run(store, {
            mode: "append",
            stream: "inbox:lead",
            writer: `writer-${number}`,
            count: MESSAGES_EACH,
          }),
        ),
      );
      expect(outcomes).toEqual(writers.map(() => "done"));

      const entries = await transport.read("inbox:lead", undefined, WRITERS * MESSAGES_EACH + 1);
      expect(entries).toHaveLength(WRITERS * MESSAGES_EACH);
      expect(new Set(entries.map((entry) => entry.id)).size).toBe(WRITERS * MESSAGES_EACH);
      const byWriter = new Map<string, number[]>();
      for (const { message } of entries) {
        const { writer, index } = message as { writer: string; index: number };
        byWriter.set(writer, [...(byWriter.get(writer) ?? []), index]);
      }
      expect(byWriter.size).toBe(WRITERS);
      for (const indexes of byWriter.values())
        expect(indexes).toEqual(Array.from({ length: MESSAGES_EACH }, (_, index) => index + 1));
    }, 120_000);

    it(`lets exactly one of ${CONTENDERS} processes claim a key at once`, async () => {
      const { store, transport } = await setup();
      const contenders = await workers(CONTENDERS);
      const outcomes = await Promise.all(
        contenders.map((worker, number) =>
          worker.run(store, { mode: "claim", key: "claim:task:7", name: `agent-${number}` }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome === "won")).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === "lost")).toHaveLength(CONTENDERS - 1);
      expect(await transport.get("claim:task:7")).toBe(`agent-${outcomes.indexOf("won")}`);
    }, 120_000);
  });
}
