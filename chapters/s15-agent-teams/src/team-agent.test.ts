// s15 end to end through the real session: the lead spawns a teammate that works at the same time, its
// messages reach the lead's next model call through the queue, and closing the session stops it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createGate, gated, requestsOf, teamScript } from "./team-script.ts";
import { testTeamSetup } from "./test-agent.ts";

const start = testTeamSetup(useCleanups());

describe("s15 agent teams", () => {
  it("runs a spawned teammate with its own history and tools and delivers its messages to the lead's next call", async () => {
    // Alice starts once the lead's turn is over, so her messages reach an idle lead (not its running turn).
    const leadTurnOver = createGate();
    const agent = await start({
      script: teamScript({
        lead: [
          reply(
            toolUse("spawn_teammate", {
              name: "alice",
              role: "tester",
              prompt: "Write notes.txt, then report.",
            }),
          ),
          reply(text("Alice is on it.")),
          reply(text("Alice wrote the notes.")),
        ],
        alice: [
          gated(leadTurnOver, reply(toolUse("write_file", { path: "notes.txt", content: "hi\n" }))),
          reply(toolUse("send_message", { to: "lead", content: "notes.txt is written" })),
          reply(text("Done: wrote notes.txt.")),
        ],
      }),
    });
    await agent.run("Get notes written.");
    leadTurnOver.open();
    // Her message and her final answer are both in the lead's queue before the idle lead wakes.
    await agent.untilIdle("alice");
    expect(agent.queued("lead").map((message) => message.kind)).toEqual(["message", "idle"]);
    expect(await agent.wake()).toBe(true);

    expect(await readFile(join(agent.workspace, "notes.txt"), "utf8")).toBe("hi\n");
    const requests = agent.requests();
    assertPairingInvariant(requests);
    const alice = requestsOf(requests, "alice");
    expect(alice).toHaveLength(3);
    // Its own history: its first request holds only its task, nothing of the lead's conversation.
    expect(alice[0]?.body.messages).toHaveLength(1);
    expect(JSON.stringify(alice[0]?.body.messages)).toContain("Write notes.txt, then report.");
    expect(JSON.stringify(alice[0]?.body.messages)).not.toContain("Get notes written.");
    const aliceTools = (alice[0]?.body.tools ?? []).map((tool) => (tool as { name: string }).name);
    expect(aliceTools).toEqual(
      expect.arrayContaining(["write_file", "send_message", "read_inbox", "list_teammates"]),
    );
    expect(aliceTools).not.toContain("spawn_teammate");
    const lead = requestsOf(requests, "lead");
    expect(lead).toHaveLength(3);
    const delivered = JSON.stringify(lead[2]?.body.messages.at(-1));
    expect(delivered).toContain('<message from=\\"alice\\" kind=\\"message\\"');
    expect(delivered).toContain("notes.txt is written");
    expect(delivered).toContain('kind=\\"idle\\"');
    expect(delivered).toContain("Done: wrote notes.txt.");
    // Delivered means acknowledged: nothing waits in the lead's inbox any more.
    await agent.settle(async () => (await agent.team().mailbox("lead").peek()) === 0);

    await agent.close();
    expect((await agent.team().roster.get("alice"))?.state).toBe("stopped");
  });
});
