// The Redis backend against a real redis-server of its own: the shared contract (each test a fresh workspace,
// so a fresh namespace on one server), then namespacing and what only a server can do wrong.
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTeamTransport } from "./open-team-transport.ts";
import { hasRedisServer, type RedisTestServer, startRedisTestServer } from "./redis-test-server.ts";
import { openRedisTransport, redisNamespace } from "./redis-transport.ts";
import { transportContract } from "./transport-contract.ts";

describe.skipIf(!hasRedisServer)("redis backend", () => {
  let server: RedisTestServer | undefined;
  const url = () => (server as RedisTestServer).url;
  beforeAll(async () => {
    server = await startRedisTestServer();
  });
  afterAll(() => server?.stop());

  transportContract("redis", async (addCleanup) => ({
    workspace: await makeTempFolder(addCleanup, "lcc-s15-redis-"),
    env: { LCC_TEAM_BACKEND: url() },
  }));

  describe("the redis transport", () => {
    const addCleanup = useCleanups();
    const open = async (workspace: string) => {
      const transport = await openTeamTransport({ workspace, env: { LCC_TEAM_BACKEND: url() } });
      addCleanup(() => transport.close());
      return transport;
    };

    it("keeps two workspaces' teams apart on one server", async () => {
      const first = await open(await makeTempFolder(addCleanup, "lcc-s15-redis-a-"));
      const second = await open(await makeTempFolder(addCleanup, "lcc-s15-redis-b-"));
      await first.append("inbox:lead", "for the first team");
      await first.compareAndSet("member:alice", undefined, "idle");
      expect(await second.read("inbox:lead")).toEqual([]);
      expect(await second.list("member:")).toEqual({});
    });

    it("names its keys lcc:team:<16 hex of the workspace's real path>:", async () => {
      const workspace = await makeTempFolder(addCleanup, "lcc-s15-redis-ns-");
      expect(await redisNamespace(workspace)).toMatch(/^lcc:team:[0-9a-f]{16}:$/);
      expect(await redisNamespace(`${workspace}/.`)).toBe(await redisNamespace(workspace));
    });

    it("says which server it cannot reach, without its password", async () => {
      const workspace = await makeTempFolder(addCleanup, "lcc-s15-redis-down-");
      const stopped = await startRedisTestServer();
      await stopped.stop();
      const down = stopped.url.replace("redis://", "redis://:secret@");
      // 1 ms before the first of the 5 retries instead of 100 ms: the same retries, ~30 ms instead of ~3 s.
      await expect(
        openRedisTransport({ workspace, url: down, connectTimeoutMs: 1_000, reconnectDelayMs: 1 }),
      ).rejects.toThrow(/cannot reach the Redis team backend at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    });

    it("refuses a file stream id", async () => {
      const transport = await open(await makeTempFolder(addCleanup, "lcc-s15-redis-id-"));
      await expect(transport.acknowledge("events", "alice", "000000000001")).rejects.toThrow(
        /not an id of a Redis stream/,
      );
    });
  });
});

// Said in the report, never silent: a machine without redis-server shows this skipped suite and why.
if (!hasRedisServer)
  describe.skip("redis backend (SKIPPED: redis-server is not installed; .ci/run installs it)", () => {
    it("runs the transport contract on a private redis-server", () => {});
  });
