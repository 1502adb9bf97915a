// Test helper for s16–s18: s15's session test helper with the protocol setup, and a transport that counts
// its reads (to prove that a waiting teammate reads nothing).
import type { SetupContext } from "@lcc/s02";
import { LEAD_NAME, openFileTransport, type TeamTransport } from "@lcc/s15";
import { type TestTeamOptions, testTeamSetup, waitUntil } from "@lcc/s15/test-agent";
import type { AddCleanup } from "@lcc/testkit/vitest";
import { createProtocolSetup, type ProtocolSetup, type ProtocolSetupOptions } from "./agent.ts";

/**
 * `start(options)` as s15's, building the session with createProtocolSetup unless told otherwise. Before the
 * session closes it waits (at most 2 s) until what the lead's loop took from its inbox is acknowledged: that
 * write runs in the background, and the temp folder must not be removed under it.
 */
export function testProtocolSetup(addCleanup: AddCleanup) {
  const start = testTeamSetup(addCleanup);
  return async <
    Setup extends ProtocolSetup = ProtocolSetup,
    Options extends ProtocolSetupOptions = ProtocolSetupOptions,
  >(
    options: TestTeamOptions<Setup, Options>,
  ) => {
    const started = await start<Setup, Options>({
      createSetup: createProtocolSetup as unknown as NonNullable<
        TestTeamOptions<Setup, Options>["createSetup"]
      >,
      ...options,
    });
    addCleanup(async () => {
      if (started.agent.queue.size() > 0) return;
      const lead = started.team().mailbox(LEAD_NAME);
      await waitUntil(async () => (await lead.peek()) === 0, 2000).catch(() => undefined);
    });
    return started;
  };
}

/** Reads (get, list, read, cursor) made through a transport since it was opened. */
export interface ReadCounter {
  reads(): number;
}

/** `openTransport` for the options: the file transport, counting its reads in `counter`. */
export function countingTransport(): ReadCounter & { open(context: SetupContext): Promise<TeamTransport> } {
  let reads = 0;
  const counted =
    <Args extends unknown[], Result>(read: (...args: Args) => Promise<Result>) =>
    (...args: Args) => {
      reads++;
      return read(...args);
    };
  return {
    reads: () => reads,
    async open(context) {
      const transport = await openFileTransport({ workspace: context.workspace, env: context.env ?? {} });
      return {
        ...transport,
        kind: transport.kind,
        get: counted(transport.get.bind(transport)),
        list: counted(transport.list.bind(transport)),
        read: counted(transport.read.bind(transport)),
        cursor: counted(transport.cursor.bind(transport)),
      };
    },
  };
}
