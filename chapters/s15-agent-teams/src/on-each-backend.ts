// Test helper: runs one describe block on the file backend and on a private redis-server (skipped with a
// visible reason where redis-server is missing), handing each test a fresh, empty team transport.
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { afterAll, beforeAll, describe } from "vitest";
import { openTeamTransport } from "./transport/open-team-transport.ts";
import { hasRedisServer, type RedisTestServer, startRedisTestServer } from "./transport/redis-test-server.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

/** Opens another transport on the same store (as a second teammate would); closed after the test. */
export type OpenTransport = () => Promise<TeamTransport>;

/**
 * Defines `title` once per backend. `define(fresh)` declares the tests; `fresh()` gives a new empty store
 * and the opener of transports on it (every transport is closed after its test).
 */
export function onEachBackend(
  title: string,
  define: (fresh: () => Promise<{ transport: TeamTransport; open: OpenTransport }>) => void,
): void {
  for (const backend of ["file", "redis"] as const) {
    if (backend === "redis" && !hasRedisServer) {
      describe.skip(`${title} on redis (SKIPPED: redis-server is not installed; .ci/run installs it)`, () => {
        define(() => Promise.reject(new Error("no redis-server")));
      });
      continue;
    }
    describe(`${title} on ${backend}`, () => {
      const addCleanup = useCleanups();
      let server: RedisTestServer | undefined;
      if (backend === "redis") {
        beforeAll(async () => {
          server = await startRedisTestServer();
        });
        afterAll(() => server?.stop());
      }
      define(async () => {
        const workspace = await makeTempFolder(addCleanup, `lcc-s15-${backend}-`);
        // HOME: the user whose secret marks the team folder (team-folder-owner.ts), never the real one.
        const env = { HOME: workspace, ...(server ? { LCC_TEAM_BACKEND: server.url } : {}) };
        const open = async () => {
          const transport = await openTeamTransport({ workspace, env });
          addCleanup(() => transport.close());
          return transport;
        };
        return { transport: await open(), open };
      });
    });
  }
}
