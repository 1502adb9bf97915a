// The shutdown handshake through the real session: the lead asks with shutdown_request, the teammate answers
// once with shutdown_response; approved it finishes its step and stops, rejected it goes on and the lead reads why.
import type { ToolContext, ToolRegistry } from "@lcc/s02";
import { requestsOf, type TeamReply, teamScript } from "@lcc/s15";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { reactions, shutdownAnswer } from "./protocol-script.ts";
import { testProtocolSetup } from "./test-agent.ts";

const start = testProtocolSetup(useCleanups());

const spawnAlice = () =>
  reply(toolUse("spawn_teammate", { name: "alice", role: "note tidier", prompt: "Tidy notes.txt." }));
const askAlice = () =>
  reply(toolUse("shutdown_request", { teammate: "alice", reason: "the notes are tidy" }));
const answer = shutdownAnswer;

/** A session whose lead spawns alice on "Tidy" and asks her to stop on "Shut alice down"; alice idles first. */
async function withIdleAlice(alice: TeamReply[], lead: Parameters<typeof reactions>[0] = []) {
  const agent = await start({
    script: teamScript(
      {
        lead: reactions(
          [[/Tidy the notes/, spawnAlice], [/Shut alice down/, askAlice], ...lead],
          reply(text("Noted.")),
        ),
        alice: [reply(text("Tidied notes.txt.")), ...alice],
      },
      () => reply(text("Noted.")),
    ),
    // A teammate that never answers at close is aborted after this (real time); the default is 3 s.
    options: { closeTimeoutMs: 300 },
  });
  await agent.run("Tidy the notes with a teammate.");
  await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
  return agent;
}

/** The newest user message of a request, as JSON text. */
const newest = (request: RecordedRequest | undefined) => JSON.stringify(request?.body.messages.at(-1));
/** The lead's whole conversation as of its latest request (inbox messages may join its turns anywhere). */
const leadHistory = (requests: RecordedRequest[]) =>
  JSON.stringify(requestsOf(requests, "lead").at(-1)?.body.messages);

describe("the shutdown handshake", () => {
  it("approved: the teammate finishes its step, makes no further call and stops; the lead gets the response", async () => {
    const agent = await withIdleAlice([answer(true)]);
    await agent.run("Shut alice down.");
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "stopped");
    await agent.settle(() => agent.agent.queue.size() > 0);
    await agent.wake();

    const [request, ...others] = await agent.agent.setup.requests.list();
    expect(others).toEqual([]);
    expect(request).toMatchObject({ kind: "shutdown", from: "lead", to: "alice", state: "approved" });
    const id = request?.id ?? "";
    const requests = agent.requests();
    const alice = requestsOf(requests, "alice");
    // Its answer was its last call: finishing the step ended its life, no model call after it.
    expect(alice).toHaveLength(2);
    expect(newest(alice[1])).toContain(`kind=\\"request\\"`);
    expect(newest(alice[1])).toContain(`shutdown_request ${id}: the notes are tidy`);
    const lead = requestsOf(requests, "lead");
    expect(JSON.stringify(lead.map((call) => call.body.messages.at(-1)))).toContain(
      `Asked alice to shut down (request ${id})`,
    );
    expect(newest(lead.at(-1))).toContain(`shutdown_response ${id} approved`);
    expect(newest(lead.at(-1))).toContain(`kind=\\"response\\"`);
    expect(agent.team().running()).toEqual([]);
  });

  it("rejected: the teammate goes on, the lead reads its reason, and a second answer is refused", async () => {
    const agent = await withIdleAlice([
      answer(false, "the headings are still being fixed"),
      answer(true),
      reply(text("Going on with the headings.")),
    ]);
    await agent.run("Shut alice down.");
    await agent.settle(() => requestsOf(agent.requests(), "alice").length === 4);
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");

    const [request] = await agent.agent.setup.requests.list();
    expect(request).toMatchObject({ state: "rejected", reason: "the headings are still being fixed" });
    const alice = requestsOf(agent.requests(), "alice");
    expect(newest(alice[2])).toContain("You declined; the lead has your reason.");
    expect(newest(alice[3])).toContain(`request ${request?.id} is already rejected; cannot approve it`);
    expect(newest(alice[3])).toContain('"is_error":true');
    await agent.settle(() => agent.agent.queue.size() > 0);
    await agent.wake();
    expect(JSON.stringify(requestsOf(agent.requests(), "lead").at(-1)?.body.messages)).toContain(
      `shutdown_response ${request?.id} rejected: the headings are still being fixed`,
    );
  });

  it("refuses an unknown or stopped teammate cleanly, creating no request", async () => {
    const agent = await withIdleAlice(
      [answer(true)],
      [[/Shut carol down/, () => reply(toolUse("shutdown_request", { teammate: "carol" }))]],
    );
    await agent.run("Shut carol down.");
    expect(leadHistory(agent.requests())).toMatch(
      /"content":"shutdown_request failed: no teammate called carol \(on the team: alice\)","is_error":true/,
    );
    expect(await agent.agent.setup.requests.list()).toEqual([]);

    await agent.run("/team stop alice");
    expect(agent.output()).toMatch(/alice agreed \(req_[0-9a-f]{16}\) and stopped\./);
    await agent.run("Shut alice down.");
    expect(leadHistory(agent.requests())).toMatch(
      /"content":"shutdown_request failed: alice has already stopped","is_error":true/,
    );
    expect(await agent.agent.setup.requests.list()).toHaveLength(1);
    await agent.run("/team stop alice");
    expect(agent.output()).toContain("alice has already stopped.");
  });

  it("refuses answers that are not the caller's to give, half answers, and a duplicate request", async () => {
    const agent = await withIdleAlice([reply(text("I will answer later."))]);
    const team = agent.team();
    const { requests } = agent.agent.setup;
    const bob = await team.spawn({
      name: "bob",
      role: "helper",
      prompt: "Wait.",
      inherited: [],
      childHooks: {},
    });
    await agent.run("Shut alice down.");
    const [request] = await requests.list({ kind: "shutdown" });
    const id = request?.id ?? "";
    const plan = await requests.create({ kind: "plan", from: "bob", to: "lead", body: "1. wait" });
    const context = { signal: new AbortController().signal } as ToolContext;
    const call = (tools: ToolRegistry, name: string, input: unknown) => tools.get(name)?.run(input, context);

    await expect(call(bob.tools, "shutdown_response", { request_id: id, approve: true })).rejects.toThrow(
      `${id} is not a shutdown request to you (it is a shutdown request to alice)`,
    );
    await expect(call(bob.tools, "shutdown_response", { request_id: plan, approve: true })).rejects.toThrow(
      `${plan} is not a shutdown request to you (it is a plan request to lead)`,
    );
    const alice = team.get("alice");
    if (!alice) throw new Error("alice is not running");
    await expect(call(alice.tools, "shutdown_response", { request_id: id, approve: false })).rejects.toThrow(
      "rejecting needs a reason",
    );
    const lead = agent.agent.resolved.registry;
    await expect(call(lead, "plan_review", { request_id: id, approve: true })).rejects.toThrow(
      `${id} is not a plan submitted to you (it is a shutdown request to alice)`,
    );
    await expect(call(lead, "plan_review", { request_id: plan, approve: false })).rejects.toThrow(
      "rejecting a plan needs feedback",
    );
    expect(await call(lead, "shutdown_request", { teammate: "alice" })).toMatchObject({
      content: `alice already has a pending shutdown request (${id}); its answer will arrive in your inbox.`,
    });
    expect((await requests.list({ state: "pending" })).map((pending) => pending.id)).toEqual([id, plan]);
  });
});
