// Your request_withdraw in the real s16 session: the lead takes back a pending shutdown request, the record is
// expired, alice reads the withdrawal and her late approval is refused, so she goes on; a request that is not
// the lead's, or one already answered, cannot be withdrawn.
import { requestsOf, teamScript } from "@lcc/s15";
import {
  createProtocolSetup,
  type ProtocolSetup,
  type ProtocolSetupOptions,
  reactions,
  shutdownAnswer,
} from "@lcc/s16";
import { testProtocolSetup } from "@lcc/s16/test-agent";
import {
  assertPairingInvariant,
  type FakeReply,
  type RecordedRequest,
  reply,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createRequestWithdrawTool } from "./request-withdraw.ts";

const start = testProtocolSetup(useCleanups());

/** s16's setup plus YOUR lead tool. */
async function createWithdrawSetup(
  context: Parameters<typeof createProtocolSetup>[0],
  options: ProtocolSetupOptions,
): Promise<ProtocolSetup> {
  const setup = await createProtocolSetup(context, options);
  return { ...setup, tools: [...setup.tools, createRequestWithdrawTool(setup.protocol)] };
}

/** A session whose lead spawned alice, idle now; `target()` is the request the lead withdraws when told to. */
async function withIdleAlice(
  alice: Array<FakeReply | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>)>,
  target: () => string,
) {
  const agent = await start({
    script: teamScript(
      {
        lead: reactions(
          [
            [
              /Tidy/,
              () => reply(toolUse("spawn_teammate", { name: "alice", role: "tidier", prompt: "Tidy." })),
            ],
            [/Stop alice/, () => reply(toolUse("shutdown_request", { teammate: "alice" }))],
            [
              /Withdraw/,
              () => reply(toolUse("request_withdraw", { request_id: target() }, `withdraw_${++withdrawals}`)),
            ],
          ],
          reply(text("Noted.")),
        ),
        alice: [reply(text("Tidied.")), ...alice],
      },
      () => reply(text("Going on.")),
    ),
    createSetup: createWithdrawSetup,
    options: { closeTimeoutMs: 300 },
  });
  await agent.run("Tidy the notes with a teammate.");
  await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
  return agent;
}

/** How many withdrawals the lead was told to make (each tool_use gets its own id). */
let withdrawals = 0;

/** The result of the lead's latest request_withdraw. */
function withdrawResult(requests: readonly RecordedRequest[]) {
  const blocks = requestsOf(requests, "lead").flatMap((request) => {
    const content = request.body.messages.at(-1)?.content;
    return Array.isArray(content) ? content : [];
  });
  const result = blocks.find(
    (block) => block.type === "tool_result" && block.tool_use_id === `withdraw_${withdrawals}`,
  );
  return result?.type === "tool_result"
    ? { text: JSON.stringify(result.content), isError: result.is_error === true }
    : undefined;
}

describe("request_withdraw", () => {
  it("expires the lead's pending shutdown request, tells alice, and her late approval is refused", async () => {
    let opened = () => {};
    const seen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    let id = "";
    // alice's answer waits until the test has withdrawn the request.
    const agent = await withIdleAlice(
      [
        async (request) => {
          await seen;
          return shutdownAnswer(true)(request);
        },
      ],
      () => id,
    );
    await agent.run("Stop alice.");
    const [pending] = await agent.agent.setup.requests.list({ state: "pending" });
    id = pending?.id ?? "no pending request";
    await agent.run("Withdraw that request.");
    expect(withdrawResult(agent.requests())).toMatchObject({ isError: false });
    expect((await agent.agent.setup.requests.get(id)).state).toBe("expired");

    opened();
    await agent.settle(() => requestsOf(agent.requests(), "alice").length === 3);
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
    const third = JSON.stringify(requestsOf(agent.requests(), "alice")[2]?.body.messages);
    expect(third).toContain(`request ${id} is already expired`);
    expect(third).toContain(`shutdown_response ${id} expired: withdrawn by the lead`);
    expect(
      agent
        .team()
        .running()
        .map((teammate) => teammate.name),
    ).toEqual(["alice"]);
    assertPairingInvariant(agent.requests());
  });

  it("refuses a request that is not the lead's, and one already answered", async () => {
    let id = "";
    const agent = await withIdleAlice([shutdownAnswer(false, "halfway through a migration")], () => id);
    const requests = agent.agent.setup.requests;
    id = await requests.create({ kind: "plan", from: "alice", to: "lead", body: "1. tidy" });
    await agent.run("Withdraw alice's plan.");
    expect(withdrawResult(agent.requests())).toMatchObject({ isError: true });
    expect((await requests.get(id)).state).toBe("pending");

    await agent.run("Stop alice.");
    await agent.settle(
      async () => (await requests.list({ kind: "shutdown", state: "rejected" })).length === 1,
    );
    const [rejected] = await requests.list({ kind: "shutdown" });
    id = rejected?.id ?? "no shutdown request";
    await agent.run("Withdraw the shutdown request.");
    const refused = withdrawResult(agent.requests());
    expect(refused?.isError).toBe(true);
    expect(refused?.text).toContain("already rejected");
    expect((await requests.get(id)).state).toBe("rejected");
    // alice's last report reaches the lead before the session closes (nothing left to acknowledge after the test).
    await agent.untilIdle("alice");
    await agent.wake();
  });
});
