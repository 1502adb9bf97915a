// s16's request records on both backends: pending → approved | rejected | expired exactly once, a second
// answer refused (also when two answer at once), unknown and malformed ids named clearly.
import { describe, expect, it } from "vitest";
import { onEachBackend } from "./on-each-backend.ts";
import { createRequests, nextState } from "./requests.ts";

describe("nextState", () => {
  it("moves only a pending request, to approved, rejected or expired", () => {
    expect(nextState("pending", "approve")).toBe("approved");
    expect(nextState("pending", "reject")).toBe("rejected");
    expect(nextState("pending", "expire")).toBe("expired");
    for (const state of ["approved", "rejected", "expired"] as const)
      for (const event of ["approve", "reject", "expire"] as const)
        expect(nextState(state, event)).toBeUndefined();
  });
});

onEachBackend("team requests", (fresh) => {
  const shutdown = { kind: "shutdown", from: "lead", to: "alice", body: "the work is done" } as const;

  it("stores a pending request and approves it once; a second answer is refused", async () => {
    const { transport } = await fresh();
    const requests = createRequests(transport);
    const id = await requests.create(shutdown);
    expect(id).toMatch(/^req_[0-9a-f]{16}$/);
    expect(await requests.get(id)).toEqual({
      id,
      ...shutdown,
      state: "pending",
      createdAt: expect.any(String),
    });
    expect(await requests.answer(id, { approve: true })).toMatchObject({
      state: "approved",
      decidedAt: expect.any(String),
    });
    await expect(requests.answer(id, { approve: false, reason: "too late" })).rejects.toThrow(
      `request ${id} is already approved; cannot reject it`,
    );
    await expect(requests.expire(id)).rejects.toThrow(/already approved/);
    expect((await requests.get(id)).state).toBe("approved");
  });

  it("rejects with a reason, and expires a request nobody answered", async () => {
    const { transport } = await fresh();
    const requests = createRequests(transport);
    const plan = await requests.create({ kind: "plan", from: "bob", to: "lead", body: "1. edit 2. test" });
    expect(await requests.answer(plan, { approve: false, reason: "test first" })).toMatchObject({
      state: "rejected",
      reason: "test first",
    });
    const unanswered = await requests.create(shutdown);
    expect((await requests.expire(unanswered)).state).toBe("expired");
    await expect(requests.answer(unanswered, { approve: true })).rejects.toThrow(
      /already expired; cannot approve/,
    );
    expect(plan).not.toBe(unanswered);
  });

  it("lets exactly one of concurrent answers decide", async () => {
    const { transport, open } = await fresh();
    const id = await createRequests(transport).create(shutdown);
    const answerers = await Promise.all(Array.from({ length: 6 }, async () => createRequests(await open())));
    const outcomes = await Promise.allSettled(
      answerers.map((requests, number) =>
        requests.answer(id, { approve: number % 2 === 0, reason: `by ${number}` }),
      ),
    );
    const winners = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(winners).toHaveLength(1);
    expect(await createRequests(transport).get(id)).toEqual(
      (winners[0] as PromiseFulfilledResult<unknown>).value,
    );
  });

  it("names an unknown id, a malformed id and a bad name clearly", async () => {
    const { transport } = await fresh();
    const requests = createRequests(transport);
    await expect(requests.get("req_0000000000000000")).rejects.toThrow("no request req_0000000000000000");
    await expect(requests.answer("req_0000000000000000", { approve: true })).rejects.toThrow(/no request/);
    await expect(requests.get("../kv")).rejects.toThrow(/"..\/kv" is not a request id/);
    await expect(requests.create({ ...shutdown, to: "Not A Name" })).rejects.toThrow(/team name/);
  });
});
