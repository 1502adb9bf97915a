// waitForDecision on the file transport: it reads the record only when woken, on its poll (on the injected
// clock) or at its deadline — never in a loop — and an abort expires the request.

import { createManualClock } from "@lcc/s14";
import { createTeamWakeups, openFileTransport, type TeamTransport } from "@lcc/s15";
import { waitUntil } from "@lcc/s15/test-agent";
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createProtocolRequests } from "./request-store.ts";
import { waitForDecision } from "./wait-for-decision.ts";

/** The manual clock's start, and the pause after each timer it runs (promises settle). */
const CLOCK_START = Date.parse("2026-01-05T09:00:00Z");
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

const addCleanup = useCleanups();

async function setup() {
  const workspace = await makeTempFolder(addCleanup, "lcc-s16-wait-");
  const open = () => openFileTransport({ workspace, env: { HOME: workspace } });
  const transport = await open();
  let gets = 0;
  const counted: TeamTransport = {
    ...transport,
    get: (key) => {
      gets++;
      return transport.get(key);
    },
  };
  const requests = createProtocolRequests(counted);
  const id = await requests.create({ kind: "plan", from: "alice", to: "lead", body: "1. read 2. edit" });
  const wakeups = createTeamWakeups();
  const clock = createManualClock(CLOCK_START);
  const settled = { value: undefined as unknown };
  const wait = (options: { pollMs?: number; timeoutMs?: number; signal?: AbortSignal } = {}) => {
    const waiting = waitForDecision(requests, id, {
      wake: (look: () => void) => wakeups.subscribe("alice", look),
      clock,
      pollMs: options.pollMs ?? 0,
      ...options,
    });
    waiting.then(
      (request) => {
        settled.value = request;
      },
      (error: unknown) => {
        settled.value = error;
      },
    );
    return waiting;
  };
  return { open, requests, id, wakeups, clock, settled, wait, gets: () => gets };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("waitForDecision", () => {
  it("reads nothing while nobody answers, and wakes for an answer sent in this process", async () => {
    const { requests, id, wakeups, wait, settled, gets } = await setup();
    const waiting = wait();
    await pause(50);
    const afterFirstLook = gets();
    expect(afterFirstLook).toBe(1);
    await pause(300);
    expect(gets()).toBe(afterFirstLook);
    expect(settled.value).toBeUndefined();

    wakeups.notify("bob"); // someone else's wake-up is not ours
    await pause(30);
    expect(gets()).toBe(afterFirstLook);
    await requests.answer(id, { approve: false, reason: "test first" });
    wakeups.notify("alice");
    expect(await waiting).toMatchObject({ state: "rejected", reason: "test first" });
  });

  it("finds an answer from another process at its next poll on the injected clock, one read per poll", async () => {
    const { open, id, clock, wait, settled, gets } = await setup();
    void wait({ pollMs: 1000 });
    // The first look is done and the next poll armed: one timer, one read so far.
    await waitUntil(() => clock.pending() === 1);
    expect(gets()).toBe(1);
    for (let poll = 1; poll <= 5; poll++) {
      await clock.advance(999, settle);
      expect(gets()).toBe(poll);
      await clock.advance(1, settle);
      await waitUntil(() => clock.pending() === 1 && gets() === poll + 1);
    }
    await pause(50);
    expect(gets()).toBe(6);
    // Another process answers: no wake-up reaches this one.
    await createProtocolRequests(await open()).answer(id, { approve: true });
    await pause(50);
    expect(settled.value).toBeUndefined();
    await clock.advance(1000, settle);
    await waitUntil(() => settled.value !== undefined);
    expect(settled.value).toMatchObject({ state: "approved" });
    expect(clock.pending()).toBe(0);
  });

  it("expires the request at its deadline; a late answer is refused", async () => {
    const { requests, id, clock, wait, settled } = await setup();
    void wait({ timeoutMs: 30_000 });
    await clock.advance(29_999, settle);
    expect(settled.value).toBeUndefined();
    await clock.advance(1, settle);
    await waitUntil(() => settled.value !== undefined);
    expect(settled.value).toMatchObject({ state: "expired" });
    await expect(requests.answer(id, { approve: true })).rejects.toThrow(/already expired/);
  });

  it("returns the answer that beat the deadline", async () => {
    const { requests, id, clock, wait, settled } = await setup();
    void wait({ timeoutMs: 1000 });
    await pause(30);
    await requests.answer(id, { approve: true, reason: "go" }); // no wake-up: the deadline finds it
    await clock.advance(1000, settle);
    await waitUntil(() => settled.value !== undefined);
    expect(settled.value).toMatchObject({ state: "approved", reason: "go" });
  });

  it("ends when its signal aborts, expiring the request", async () => {
    const { requests, id, wait, clock } = await setup();
    const controller = new AbortController();
    const waiting = wait({ signal: controller.signal, pollMs: 1000, timeoutMs: 60_000 });
    controller.abort(new Error("teammate stopped"));
    await expect(waiting).rejects.toThrow("teammate stopped");
    expect((await requests.get(id)).state).toBe("expired");
    expect(clock.pending()).toBe(0);
  });

  it("gives up once when the deadline and an abort come together: nothing still writes once it has settled", async () => {
    const { requests, id, clock } = await setup();
    let expiring = 0;
    let expiries = 0;
    const counted = {
      ...requests,
      expire: async (requestId: string) => {
        expiring++;
        expiries++;
        try {
          return await requests.expire(requestId);
        } finally {
          expiring--;
        }
      },
    };
    const controller = new AbortController();
    const waiting = waitForDecision(counted, id, {
      wake: () => () => undefined,
      clock,
      pollMs: 0,
      timeoutMs: 1000,
      signal: controller.signal,
    });
    const advancing = clock.advance(1000, settle); // the deadline starts expiring the request…
    controller.abort(new Error("the session closed")); // …and the abort arrives while that write runs
    const outcome = await waiting.then(
      (request) => request.state,
      (error: unknown) => String(error),
    );
    expect(expiring).toBe(0);
    await advancing;
    expect(expiries).toBe(1);
    expect(outcome).toBe("expired");
    expect((await requests.get(id)).state).toBe("expired");
  });
});
