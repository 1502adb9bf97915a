// Your list_requests in the real s16 session: a shutdown request to a teammate that stopped without answering
// (aborted, as a crashed process would leave it) is expired when the lead lists requests, and the lead is told;
// one to a live teammate stays pending; a plan from a teammate no longer running expires too.
import { createGate, requestsOf, teamScript } from "@lcc/s15";
import { createProtocolSetup, type ProtocolSetup, type ProtocolSetupOptions, reactions } from "@lcc/s16";
import { testProtocolSetup } from "@lcc/s16/test-agent";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createListRequestsTool } from "./list-requests.ts";

const start = testProtocolSetup(useCleanups());

/** s16's setup with YOUR list_requests in place of the chapter's. */
async function createListSetup(
  context: Parameters<typeof createProtocolSetup>[0],
  options: ProtocolSetupOptions,
): Promise<ProtocolSetup> {
  const setup = await createProtocolSetup(context, options);
  const mine = createListRequestsTool(setup.protocol);
  return { ...setup, tools: setup.tools.map((tool) => (tool.name === "list_requests" ? mine : tool)) };
}

/** A session whose lead spawned alice and asked her to shut down; her answer waits for `gate` (never comes). */
async function withPendingShutdown() {
  const gate = createGate();
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
            [/What waits/, () => reply(toolUse("list_requests", {}))],
          ],
          reply(text("Noted.")),
        ),
        alice: [
          reply(text("Tidied.")),
          async () => {
            await gate.wait;
            return reply(text("Busy."));
          },
        ],
      },
      () => reply(text("Busy.")),
    ),
    createSetup: createListSetup,
    options: { closeTimeoutMs: 300 },
  });
  await agent.run("Tidy the notes with a teammate.");
  await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
  await agent.run("Stop alice.");
  await agent.settle(() => requestsOf(agent.requests(), "alice").length === 2);
  const [pending] = await agent.agent.setup.requests.list({ state: "pending" });
  return { agent, gate, id: pending?.id ?? "no pending request" };
}

/** The text of the lead's newest list_requests result. */
function listed(agent: Awaited<ReturnType<typeof withPendingShutdown>>["agent"]): string {
  const last = requestsOf(agent.requests(), "lead").at(-1)?.body.messages.at(-1);
  return JSON.stringify(last?.content ?? "");
}

describe("list_requests with orphaned requests", () => {
  it("expires a shutdown request whose teammate stopped without answering, and says so", async () => {
    const { agent, gate, id } = await withPendingShutdown();
    agent.team().get("alice")?.abort("its process died");
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "stopped");
    gate.open();
    await agent.run("What waits for an answer?");
    expect((await agent.agent.setup.requests.get(id)).state).toBe("expired");
    expect(listed(agent)).toContain(`Expired ${id}: alice has stopped.`);
    expect(listed(agent)).toContain("No request is waiting for an answer.");
    assertPairingInvariant(agent.requests());
  });

  it("leaves a request to a live teammate pending, and expires a plan from one that is gone", async () => {
    const { agent, gate, id } = await withPendingShutdown();
    const requests = agent.agent.setup.requests;
    const plan = await requests.create({ kind: "plan", from: "bob", to: "lead", body: "1. tidy" });
    await agent.run("What waits for an answer?");
    expect((await requests.get(id)).state).toBe("pending");
    expect((await requests.get(plan)).state).toBe("expired");
    expect(listed(agent)).toContain(`${id} shutdown lead → alice · pending`);
    expect(listed(agent)).toContain(`Expired ${plan}: bob has stopped.`);
    gate.open();
  });
});
