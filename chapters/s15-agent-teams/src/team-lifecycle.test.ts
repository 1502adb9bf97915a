// A teammate's life through the real session: a working or idle name cannot be spawned twice (a stopped one
// can, with a fresh history), finish() is honoured however late, closing the session interrupts every
// teammate for good, and teammates' permission questions reach the user one at a time, naming who asks.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type AskRequest, type AskUser, createAskChannel } from "@lcc/chapter-kit";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createMailbox } from "./mailbox.ts";
import { toolResultsOf } from "./team-requests.ts";
import { createGate, gated, requestsOf, teamScript } from "./team-script.ts";
import { testTeamSetup } from "./test-agent.ts";
import { openTeamTransport } from "./transport/open-team-transport.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

const start = testTeamSetup(useCleanups());

const spawn = (name: string, prompt: string) => toolUse("spawn_teammate", { name, role: "helper", prompt });
const noted = () => reply(text("Noted."));

describe("a teammate's life", () => {
  it("refuses to spawn a working or an idle teammate again, and spawns a stopped one with a fresh history", async () => {
    const aliceMayAnswer = createGate();
    const agent = await start({
      script: teamScript(
        {
          lead: [
            reply(spawn("alice", "Write a.txt.")),
            reply(spawn("alice", "Write b.txt.")),
            reply(text("alice is busy.")),
            reply(spawn("alice", "Write b.txt.")),
            reply(text("alice is idle, not gone.")),
            reply(spawn("alice", "Write c.txt.")),
            reply(text("alice is back.")),
          ],
          alice: [gated(aliceMayAnswer, reply(text("Done."))), reply(text("Fresh start."))],
        },
        noted,
      ),
    });
    const leadResults = (index: number) => toolResultsOf(requestsOf(agent.requests(), "lead")[index]);
    const refusal = "alice is already running; send it a message instead";

    await agent.run("Start alice.");
    expect(leadResults(2)).toMatchObject([{ isError: true, text: expect.stringContaining(refusal) }]);
    expect((await agent.team().roster.get("alice"))?.state).toBe("working");

    aliceMayAnswer.open();
    await agent.untilIdle("alice");
    await agent.run("Give alice another file.");
    expect(leadResults(4)).toMatchObject([{ isError: true, text: expect.stringContaining(refusal) }]);

    await agent.run("/team stop alice");
    expect((await agent.team().roster.get("alice"))?.state).toBe("stopped");
    await agent.run("Start alice again.");
    expect(leadResults(6)).toMatchObject([{ isError: false, text: expect.stringContaining("alice joined") }]);
    await agent.settle(() => requestsOf(agent.requests(), "alice").length === 2);
    const fresh = requestsOf(agent.requests(), "alice")[1]?.body.messages;
    expect(fresh).toHaveLength(1);
    expect(JSON.stringify(fresh)).toContain("Write c.txt.");
    expect(JSON.stringify(fresh)).not.toContain("Write a.txt.");
  });

  it("stops a teammate told to finish while it reports its answer, instead of leaving it waiting idle", async () => {
    const agent = await start({
      script: teamScript(
        {
          lead: [reply(spawn("alice", "Write a.txt.")), reply(text("Started."))],
          alice: [reply(text("Done."))],
        },
        noted,
      ),
    });
    // s16's approved shutdown calls finish(); here it comes while alice's final answer goes to the lead.
    agent.agent.subscribe((event) => {
      if (event.type === "team_message" && event.from === "alice" && event.kind === "idle")
        agent.team().get("alice")?.finish("shutdown approved");
    });
    await agent.run("Start alice.");
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "stopped");
    const states = agent.events.flatMap((event) =>
      event.type === "teammate_state" && event.name === "alice" ? [[event.state, event.reason ?? ""]] : [],
    );
    expect(states).toEqual([
      ["idle", ""],
      ["stopped", "shutdown approved"],
    ]);
    expect(requestsOf(agent.requests(), "alice")).toHaveLength(1);
  });

  it("interrupts every teammate when the session closes: stopped in the roster, no model call after", async () => {
    const agent = await start({
      script: teamScript(
        {
          lead: [reply(spawn("alice", "Write a.txt."), spawn("bob", "Stand by.")), reply(text("Started."))],
          alice: [
            reply(toolUse("write_file", { path: "a.txt", content: "a\n" })),
            // Her second call is still "thinking" when the session closes.
            { ...reply(text("Too late.")), delayMs: 60_000 },
          ],
          bob: [reply(text("Ready."))],
        },
        noted,
      ),
    });
    await agent.run("Start alice and bob.");
    const team = agent.team();
    await agent.settle(async () => requestsOf(agent.requests(), "alice").length === 2);
    await agent.settle(async () => (await team.roster.get("bob"))?.state === "idle");

    await agent.close();
    expect((await team.roster.list()).map((member) => [member.name, member.state])).toEqual([
      ["alice", "stopped"],
      ["bob", "stopped"],
    ]);
    expect(team.running()).toEqual([]);
    const aliceEnd = agent.events.find(
      (event) =>
        event.type === "teammate_event" && event.name === "alice" && event.event.type === "agent_end",
    );
    expect(aliceEnd).toMatchObject({ event: { reason: "aborted" } });
    expect(agent.output()).toContain("[alice] stopped (the session ended)");

    // Another process writes to their inboxes: nothing here reads them any more, nothing calls the model.
    const requestsAtClose = agent.fake.messageRequests().length;
    const other = await openTeamTransport({ workspace: agent.workspace, env: { HOME: agent.home } });
    await createMailbox(other, "lead").send("alice", { content: "Are you there?" });
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(agent.fake.messageRequests()).toHaveLength(requestsAtClose);
  });

  it("closes only once the acknowledgements on their way are written", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const openTransport = async (context: {
      workspace: string;
      env?: NodeJS.ProcessEnv;
    }): Promise<TeamTransport> => {
      const transport = await openTeamTransport({ workspace: context.workspace, env: context.env ?? {} });
      return {
        ...transport,
        acknowledge: async (stream, consumer, id) => {
          await held;
          return transport.acknowledge(stream, consumer, id);
        },
      };
    };
    const agent = await start({ script: teamScript({ lead: [noted()] }), options: { openTransport } });
    await agent.team().send("alice", "lead", "Done.");
    await agent.settle(() => agent.queued("lead").length === 1);
    expect(await agent.wake()).toBe(true);

    let closed = false;
    const closing = agent.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    release();
    await closing;
    const other = await openTeamTransport({ workspace: agent.workspace, env: { HOME: agent.home } });
    expect(await createMailbox(other, "lead").peek()).toBe(0);
    await other.close();
  });

  it("asks teammates' permission questions one at a time, each naming the teammate", async () => {
    const asked: AskRequest[] = [];
    let open = 0;
    let mostOpen = 0;
    const answerer: AskUser = async (request) => {
      asked.push(request);
      mostOpen = Math.max(mostOpen, ++open);
      await new Promise((resolve) => setTimeout(resolve, 100));
      open -= 1;
      return { kind: "choice", key: "y" };
    };
    const channel = createAskChannel();
    channel.serve(answerer);
    const touch = (name: string) => [
      reply(toolUse("bash", { command: `touch ${name}.txt` })),
      reply(text(`Touched ${name}.txt.`)),
    ];
    const agent = await start({
      ask: channel.ask,
      options: { permissions: { mode: "default" } },
      script: teamScript(
        {
          lead: [
            reply(spawn("alice", "Touch alice.txt."), spawn("bob", "Touch bob.txt.")),
            reply(text("Go.")),
          ],
          alice: touch("alice"),
          bob: touch("bob"),
        },
        noted,
      ),
    });
    await agent.run("Have alice and bob touch a file each.");
    await agent.untilIdle("alice", "bob");

    expect(asked.map((request) => request.source).sort()).toEqual(["alice · permission", "bob · permission"]);
    expect(mostOpen).toBe(1);
    expect(existsSync(join(agent.workspace, "alice.txt"))).toBe(true);
    expect(existsSync(join(agent.workspace, "bob.txt"))).toBe(true);
  });
});
