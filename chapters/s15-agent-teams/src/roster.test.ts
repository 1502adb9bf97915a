// The roster and broadcast on both backends: a working or idle name cannot be spawned again, a stopped one
// can; of concurrent joins one wins; state changes survive concurrent writers; broadcast skips the sender.
import { expect, it } from "vitest";
import { broadcast } from "./broadcast.ts";
import { createMailbox } from "./mailbox.ts";
import { onEachBackend } from "./on-each-backend.ts";
import { createRoster } from "./roster.ts";

onEachBackend("the roster", (fresh) => {
  it("refuses to re-spawn a working or idle teammate and re-spawns a stopped one", async () => {
    const { transport } = await fresh();
    const roster = createRoster(transport);
    const alice = await roster.join({ name: "alice", role: "tester", task: "write tests" });
    expect(alice).toEqual({
      name: "alice",
      role: "tester",
      state: "working",
      task: "write tests",
      spawnedAt: expect.any(String),
    });
    await expect(roster.join({ name: "alice", role: "other" })).rejects.toThrow(
      /alice is already on the team \(working\)/,
    );
    await roster.setState("alice", "idle");
    await expect(roster.join({ name: "alice", role: "other" })).rejects.toThrow(
      /already on the team \(idle\)/,
    );
    expect(await roster.setState("alice", "stopped")).toEqual({
      name: "alice",
      role: "tester",
      state: "stopped",
      spawnedAt: alice.spawnedAt,
    });
    await roster.join({ name: "alice", role: "reviewer" });
    expect(await roster.get("alice")).toMatchObject({ role: "reviewer", state: "working" });
  });

  it("lets exactly one of concurrent joins of one name win, also when re-spawning a stopped one", async () => {
    const { transport, open } = await fresh();
    const rosters = await Promise.all(Array.from({ length: 6 }, async () => createRoster(await open())));
    const join = () =>
      Promise.allSettled(
        rosters.map((roster, number) => roster.join({ name: "bob", role: `role-${number}` })),
      );
    const first = await join();
    expect(first.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    await createRoster(transport).setState("bob", "stopped");
    const second = await join();
    expect(second.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(second.filter((outcome) => outcome.status === "rejected")).toHaveLength(5);
  });

  it("keeps every concurrent state change by retrying its compare-and-set", async () => {
    const { transport, open } = await fresh();
    await createRoster(transport).join({ name: "carol", role: "coder", task: "task 1" });
    const rosters = await Promise.all(Array.from({ length: 5 }, async () => createRoster(await open())));
    const states = await Promise.all(
      rosters.map((roster, number) =>
        roster.setState("carol", number % 2 ? "idle" : "working", `task ${number}`),
      ),
    );
    const final = await createRoster(transport).get("carol");
    expect(states.map((member) => member.task)).toContainEqual(final?.task);
    expect(final).toMatchObject({ name: "carol", role: "coder" });
  });

  it("lists teammates in spawn order, refuses the lead's name, bad names and unknown teammates", async () => {
    const { transport } = await fresh();
    const roster = createRoster(transport);
    await roster.join({ name: "zed", role: "a" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await roster.join({ name: "amy", role: "b", state: "idle" });
    expect((await roster.list()).map((member) => [member.name, member.state])).toEqual([
      ["zed", "working"],
      ["amy", "idle"],
    ]);
    await expect(roster.join({ name: "lead", role: "x" })).rejects.toThrow(/"lead" is reserved for the lead/);
    await expect(roster.join({ name: "Bad Name", role: "x" })).rejects.toThrow(/invalid/);
    await expect(roster.setState("nobody", "idle")).rejects.toThrow(/no teammate called nobody/);
    expect(await roster.get("nobody")).toBeUndefined();
    await transport.compareAndSet("member:broken", undefined, "{not json");
    await expect(roster.list()).rejects.toThrow(/roster entry of broken is not JSON/);
  });

  it("broadcasts once to every working or idle teammate but the sender, in roster order", async () => {
    const { transport } = await fresh();
    const roster = createRoster(transport);
    for (const name of ["ann", "ben", "cat", "dan"]) await roster.join({ name, role: "r" });
    await roster.setState("dan", "stopped");
    expect(await broadcast(transport, "ben", "hello team")).toEqual(["ann", "cat"]);
    expect(await broadcast(transport, "lead", "from the lead")).toEqual(["ann", "ben", "cat"]);
    const annMessages = await createMailbox(transport, "ann").read();
    expect(annMessages.map((message) => [message.from, message.content, message.kind])).toEqual([
      ["ben", "hello team", "broadcast"],
      ["lead", "from the lead", "broadcast"],
    ]);
    expect((await createMailbox(transport, "ben").read()).map((message) => message.from)).toEqual(["lead"]);
    expect(await createMailbox(transport, "dan").peek()).toBe(0);
  });
});
