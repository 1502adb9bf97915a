// The count through the real session: 10 teammates × 100 messages to the lead at the same time (nine
// through team.send, one through its own send_message tool calls), drained into the lead's model calls while
// they arrive: every message delivered exactly once, each sender's order kept, the inbox acknowledged.
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { deliveredMessages } from "./team-requests.ts";
import { createGate, gated, requestsOf, type TeamReply, teamScript } from "./team-script.ts";
import { testTeamSetup } from "./test-agent.ts";

const start = testTeamSetup(useCleanups());

const TEAMMATES = 10;
const MESSAGES_EACH = 100;
/** mate0 sends its messages with its own tool: this many send_message calls per model reply. */
const CALLS_PER_REPLY = 10;

const names = Array.from({ length: TEAMMATES }, (_, number) => `mate${number}`);

describe("a team of ten under load", () => {
  it(`delivers ${TEAMMATES} teammates × ${MESSAGES_EACH} concurrent messages to the lead exactly once, in each sender's order`, async () => {
    const go = createGate();
    const toolSender: TeamReply[] = Array.from({ length: MESSAGES_EACH / CALLS_PER_REPLY }, (_, round) => {
      const calls = Array.from({ length: CALLS_PER_REPLY }, (_, call) =>
        toolUse("send_message", { to: "lead", content: `mate0#${round * CALLS_PER_REPLY + call + 1}` }),
      );
      return round === 0 ? gated(go, reply(...calls)) : reply(...calls);
    });
    const agent = await start({
      script: teamScript(
        {
          lead: [
            reply(
              ...names.map((name) =>
                toolUse("spawn_teammate", { name, role: "sender", prompt: "Stand by." }),
              ),
            ),
            reply(text("The team is ready.")),
          ],
          mate0: [...toolSender, reply(text("Sent my hundred."))],
          ...Object.fromEntries(names.slice(1).map((name) => [name, [reply(text("Standing by."))]])),
        },
        // However the deliveries are batched, the lead acknowledges each wake-up in one word.
        () => reply(text("Noted.")),
      ),
    });
    await agent.run("Start ten teammates.");
    const team = agent.team();

    let sending = true;
    const draining = (async () => {
      const expected = TEAMMATES * MESSAGES_EACH + TEAMMATES;
      // A lost message would keep this loop waiting: after the deadline the counts below say what is missing.
      const deadline = Date.now() + 90_000;
      while (sending || agent.queued("lead").length < expected || agent.agent.queue.size() > 0) {
        if (Date.now() > deadline) return;
        // The lead wakes every 200 ms, as a model that takes its time would: its deliveries keep arriving
        // meanwhile, batched in its queue (waking per message would be a thousand model calls).
        await agent.wake();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    go.open();
    await Promise.all(
      names.slice(1).map(async (name) => {
        for (let index = 1; index <= MESSAGES_EACH; index++)
          await team.send(name, "lead", `${name}#${index}`);
      }),
    );
    await agent.settle(async () => (await team.roster.get("mate0"))?.state === "idle", 60_000);
    sending = false;
    await draining;

    const lead = requestsOf(agent.requests(), "lead");
    const delivered = deliveredMessages(lead.at(-1));
    const messages = delivered.filter((message) => message.kind === "message");
    expect(messages).toHaveLength(TEAMMATES * MESSAGES_EACH);
    expect(new Set(messages.map((message) => message.content)).size).toBe(TEAMMATES * MESSAGES_EACH);
    for (const name of names)
      expect(messages.filter((message) => message.from === name).map((message) => message.content)).toEqual(
        Array.from({ length: MESSAGES_EACH }, (_, index) => `${name}#${index + 1}`),
      );
    // Each teammate's final answer came once too, and mate0's hundred went through its real tool calls.
    expect(
      delivered
        .filter((message) => message.kind === "idle")
        .map((message) => message.from)
        .sort(),
    ).toEqual([...names].sort());
    expect(requestsOf(agent.requests(), "mate0")).toHaveLength(MESSAGES_EACH / CALLS_PER_REPLY + 1);
    // Delivered into a model call means acknowledged: nothing waits in the lead's inbox.
    await agent.settle(async () => (await team.mailbox("lead").peek()) === 0);
  }, 120_000);
});
