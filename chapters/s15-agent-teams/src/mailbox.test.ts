// Mailboxes on both backends: 10 senders × 100 messages while the reader reads in batches (none lost, none
// twice, each sender's order kept), a message sent after a read comes in the next, names checked.
import { expect, it } from "vitest";
import { createMailbox, type MailboxMessage } from "./mailbox.ts";
import { onEachBackend } from "./on-each-backend.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

const SENDERS = 10;
const MESSAGES_EACH = 100;

onEachBackend("a mailbox", (fresh) => {
  it(`delivers ${SENDERS} senders × ${MESSAGES_EACH} concurrent messages exactly once, in each sender's order, to a reader reading in batches`, async () => {
    const { transport, open } = await fresh();
    const lead = createMailbox(transport, "lead");
    const senders = await Promise.all(
      Array.from({ length: SENDERS }, async (_, number) => createMailbox(await open(), `mate-${number}`)),
    );
    const received: MailboxMessage[] = [];
    let sending = true;
    const reading = (async () => {
      for (;;) {
        const wasSending = sending;
        received.push(...(await lead.read({ limit: 37 })));
        if (!wasSending && (await lead.peek()) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    await Promise.all(
      senders.map(async (sender) => {
        for (let index = 1; index <= MESSAGES_EACH; index++)
          await sender.send("lead", { content: String(index) });
      }),
    );
    sending = false;
    await reading;

    expect(received).toHaveLength(SENDERS * MESSAGES_EACH);
    expect(new Set(received.map((message) => message.id)).size).toBe(SENDERS * MESSAGES_EACH);
    for (const sender of senders)
      expect(
        received.filter((message) => message.from === sender.name).map((message) => message.content),
      ).toEqual(Array.from({ length: MESSAGES_EACH }, (_, index) => String(index + 1)));
    expect(await lead.read()).toEqual([]);
  }, 120_000);

  it("delivers a message sent after a read returned in the next read, and counts unread ones", async () => {
    const { transport, open } = await fresh();
    const alice = createMailbox(transport, "alice");
    const lead = createMailbox(await open(), "lead");
    await lead.send("alice", { content: "first" });
    expect(await alice.peek()).toBe(1);
    const firstRead = await alice.read();
    await lead.send("alice", { content: "second", kind: "broadcast" });
    await lead.send("alice", { content: "third" });
    expect(await alice.peek()).toBe(2);
    const secondRead = await alice.read({ limit: 1 });
    const thirdRead = await alice.read();
    expect(firstRead).toEqual([
      {
        id: expect.any(String),
        from: "lead",
        to: "alice",
        content: "first",
        kind: "message",
        sentAt: expect.any(String),
      },
    ]);
    expect(secondRead.map((message) => [message.content, message.kind])).toEqual([["second", "broadcast"]]);
    expect(thirdRead.map((message) => message.content)).toEqual(["third"]);
    expect(await alice.read()).toEqual([]);
    expect(await alice.peek()).toBe(0);
  });

  it("re-delivers what was fetched but never acknowledged (a crash mid-read), never skips it", async () => {
    const { transport, open } = await fresh();
    await createMailbox(await open(), "lead").send("alice", { content: "survives" });
    // What a reader that died before acknowledging left behind: the stream read, the cursor unchanged.
    await transport.read("inbox:alice");
    expect((await createMailbox(transport, "alice").read()).map((message) => message.content)).toEqual([
      "survives",
    ]);
  });

  it("fetches without moving the cursor until acknowledged, and lists the newest messages read or not", async () => {
    const { transport } = await fresh();
    const lead = createMailbox(transport, "lead");
    for (const content of ["one", "two", "three"]) await lead.send("alice", { content });
    const alice = createMailbox(transport, "alice");
    const fetched = await alice.fetch({ limit: 2 });
    expect(fetched.map((message) => message.content)).toEqual(["one", "two"]);
    expect((await alice.fetch({ after: fetched[1]?.id ?? "" })).map((message) => message.content)).toEqual([
      "three",
    ]);
    expect(await alice.peek()).toBe(3);
    await alice.acknowledge(fetched[1]?.id ?? "");
    expect((await alice.fetch()).map((message) => message.content)).toEqual(["three"]);
    expect((await alice.recent(2)).map((message) => message.content)).toEqual(["two", "three"]);
    expect(await alice.peek()).toBe(1);
  });

  it("counts what its owner acknowledged as read at once, while the cursor write is still on its way", async () => {
    const { transport } = await fresh();
    await createMailbox(transport, "lead").send("alice", { content: "one" });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowAcknowledge: TeamTransport = {
      ...transport,
      acknowledge: async (stream, consumer, id) => {
        await held;
        return transport.acknowledge(stream, consumer, id);
      },
    };
    const alice = createMailbox(slowAcknowledge, "alice");
    const [message] = await alice.fetch();
    const acknowledging = alice.acknowledge(message?.id ?? "");
    expect(await alice.peek()).toBe(0);
    expect(await alice.fetch()).toEqual([]);
    // Not yet durable: a reader in another process (or after a crash) would get it again.
    expect(await createMailbox(transport, "alice").peek()).toBe(1);
    release();
    await acknowledging;
    expect(await createMailbox(transport, "alice").peek()).toBe(0);
  });

  it("gives two overlapping reads of one mailbox different messages", async () => {
    const { transport } = await fresh();
    const lead = createMailbox(transport, "lead");
    for (const content of ["one", "two", "three", "four"]) await lead.send("alice", { content });
    const alice = createMailbox(transport, "alice");
    const [first, second] = await Promise.all([alice.read({ limit: 2 }), alice.read({ limit: 2 })]);
    expect([...first, ...second].map((message) => message.content)).toEqual(["one", "two", "three", "four"]);
  });

  it("keeps two readers' cursors apart and refuses bad names", async () => {
    const { transport } = await fresh();
    const bob = createMailbox(transport, "bob");
    await bob.send("alice", { content: "for alice" });
    expect(await bob.read()).toEqual([]);
    expect(await createMailbox(transport, "alice").peek()).toBe(1);
    expect(() => createMailbox(transport, "Alice")).toThrow(/team name "Alice" is invalid/);
    expect(() => createMailbox(transport, "1bob")).toThrow(/invalid/);
    expect(() => createMailbox(transport, `a${"b".repeat(32)}`)).toThrow(/invalid/);
    expect(createMailbox(transport, `a${"b".repeat(31)}`).name).toHaveLength(32);
    await expect(bob.send("../lead", { content: "x" })).rejects.toThrow(/team name "..\/lead" is invalid/);
  });

  it("shows an entry that is not a mailbox message instead of losing it or blocking the inbox", async () => {
    const { transport } = await fresh();
    await transport.append("inbox:alice", { hand: "edited" });
    await createMailbox(transport, "lead").send("alice", { content: "after it" });
    const messages = await createMailbox(transport, "alice").read();
    expect(messages.map((message) => message.content)).toEqual([
      expect.stringMatching(/is not a mailbox message/),
      "after it",
    ]);
  });
});
