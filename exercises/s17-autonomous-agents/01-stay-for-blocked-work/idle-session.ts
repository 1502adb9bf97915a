// Test helper for this exercise: the real s17 session (s15's team helper) on the fake API, its teammates idling
// with YOUR idle policy (./idle-policy.ts, the last idle policy wins; a poll every 15 s) on a manual clock, and alice, a tester
// who completes every task she is handed and approves a shutdown request.
import type { TaskStore } from "@lcc/s12";
import { createManualClock } from "@lcc/s14";
import { agentOfRequest } from "@lcc/s15";
import { testTeamSetup, waitUntil } from "@lcc/s15/test-agent";
import {
  type AutonomySetup,
  type AutonomySetupOptions,
  approvingShutdown,
  claimedTaskId,
  createAutonomySetup,
} from "@lcc/s17";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import type { AddCleanup } from "@lcc/testkit/vitest";
import { createIdlePolicy } from "./idle-policy.ts";

/** Monday 5 January 2026, 09:00 UTC. */
const CLOCK_START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** alice completes a task she is handed, otherwise has nothing to do. */
function alice(request: RecordedRequest) {
  const claimed = claimedTaskId(request);
  if (claimed !== undefined) return reply(toolUse("task_update", { id: claimed, status: "completed" }));
  return reply(text("Nothing to do yet."));
}

/** `start()`: a session whose lead spawned alice (role tester); she is idle when it resolves. */
export function testIdleSession(addCleanup: AddCleanup) {
  const start = testTeamSetup(addCleanup);
  return async () => {
    const clock = createManualClock(CLOCK_START);
    let board: TaskStore | undefined;
    const session = await start<AutonomySetup, AutonomySetupOptions>({
      script: (request) =>
        agentOfRequest(request) === "alice"
          ? approvingShutdown(alice)(request)
          : reply(
              request.body.messages.length === 1
                ? toolUse("spawn_teammate", {
                    name: "alice",
                    role: "tester",
                    prompt: "Take work from the board.",
                  })
                : text("Noted."),
            ),
      options: { idleClock: clock },
      createSetup: async (context, options) => {
        // A look at the board every 15 s (the chapter's is 5 s): fewer polls to step through, the same rules.
        const idle = createIdlePolicy({
          tasks: () => board as TaskStore,
          clock,
          pollMs: 15_000,
          emit: context.emit,
        });
        const setup = await createAutonomySetup(context, { ...options, teammateExtensions: [{ idle }] });
        board = setup.tasks;
        return setup;
      },
    });
    const isQuiet = () => {
      const running = session.team().running();
      return running.every((teammate) => teammate.current() === "idle") && clock.pending() === running.length;
    };
    await session.run("Start alice.");
    await waitUntil(isQuiet);
    return {
      ...session,
      board: () => session.agent.setup.tasks,
      /** Moves the idle clock `ms` forward, letting the team go quiet after each poll it causes. */
      advance: (ms: number) => clock.advance(ms, () => waitUntil(isQuiet, 10_000)),
      /** alice's state in the roster ("idle", "working", "stopped"). */
      state: async () => (await session.team().roster.get("alice"))?.state,
    };
  };
}
