// After a crash: messages queued for the lead but never sent to the model are delivered again by the next
// session on the workspace (at-least-once, the whole backlog at once), and teammates left "working" by a
// process that died are shown stopped (and may be spawned again), while a live process's are not.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { hostname } from "node:os";
import { reply, text, toolUse } from "@lcc/testkit";
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createRoster } from "./roster.ts";
import { THIS_OWNER } from "./team.ts";
import { deliveredMessages, toolResultsOf } from "./team-requests.ts";
import { requestsOf, teamScript } from "./team-script.ts";
import { testTeamSetup } from "./test-agent.ts";
import { openTeamTransport } from "./transport/open-team-transport.ts";

const addCleanup = useCleanups();
const start = testTeamSetup(addCleanup);

const BACKLOG = 150;

/** A real process that does nothing until killed; killed after the test if still running. */
function startIdleProcess(): ChildProcess {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 60_000)"], { stdio: "ignore" });
  addCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return child;
}

describe("a team after a crash", () => {
  it("delivers the lead's undelivered messages again in the next session on the workspace, and only those", async () => {
    const first = await start({ script: teamScript({ lead: [reply(text("Got the first."))] }) });
    const team = first.team();
    await team.send("alice", "lead", "first");
    await first.settle(() => first.queued("lead").length === 1);
    expect(await first.wake()).toBe(true);
    await first.settle(async () => (await team.mailbox("lead").peek()) === 0);
    for (let index = 1; index <= BACKLOG; index++) await team.send("alice", "lead", `backlog ${index}`);
    await first.settle(() => first.queued("lead").length === 1 + BACKLOG);
    // The process dies here: the backlog sat in its queue, never reached a model call, never acknowledged.

    const second = await start({
      workspace: first.workspace,
      home: first.home,
      script: teamScript({ lead: [reply(text("Got the backlog."))] }),
    });
    // Two pages (100 + 50), both queued at start: no poll needed for the second.
    await second.settle(() => second.agent.queue.size() === 2);
    expect(await second.wake()).toBe(true);
    const delivered = deliveredMessages(requestsOf(second.requests(), "lead")[0]);
    expect(delivered.map((message) => message.content)).toEqual(
      Array.from({ length: BACKLOG }, (_, index) => `backlog ${index + 1}`),
    );
    await second.settle(async () => (await second.team().mailbox("lead").peek()) === 0);
  });

  it("shows teammates of a dead process stopped and lets them be spawned again; a live process's stay", async () => {
    const workspace = await makeTempFolder(addCleanup, "lcc-team-crash-");
    const home = await makeTempFolder(addCleanup, "lcc-team-crash-home-");
    const dead = startIdleProcess();
    const live = startIdleProcess();
    const transport = await openTeamTransport({ workspace, env: { HOME: home } });
    addCleanup(() => transport.close());
    const roster = createRoster(transport);
    await roster.join({ name: "zed", role: "builder", owner: `${hostname()}:${dead.pid}` });
    await roster.join({ name: "yan", role: "builder", owner: `${hostname()}:${live.pid}` });
    dead.kill("SIGKILL");
    await once(dead, "exit");

    const agent = await start({
      workspace,
      home,
      script: teamScript(
        {
          lead: [
            reply(
              toolUse("spawn_teammate", { name: "zed", role: "builder", prompt: "Build again." }),
              toolUse("spawn_teammate", { name: "yan", role: "builder", prompt: "Build again." }),
            ),
            reply(text("zed is back; yan is still busy elsewhere.")),
          ],
          zed: [reply(text("Built."))],
        },
        () => reply(text("Noted.")),
      ),
    });
    await agent.run("/team");
    expect(agent.output()).toContain("zed (builder) · stopped");
    expect(agent.output()).toContain("yan (builder) · working");

    await agent.run("Get zed and yan building again.");
    const results = toolResultsOf(requestsOf(agent.requests(), "lead")[1]);
    expect(results.map((result) => result.isError)).toEqual([false, true]);
    expect(results[1]?.text).toContain("yan is already on the team (working); stop it before re-spawning");
    expect((await roster.get("zed"))?.owner).toBe(THIS_OWNER);
  });
});
