// How teammates' lines look: each starts with the teammate's name in its own colour when colour is on, the
// same lines without escape codes when it is off; messages show sender, recipient and kind.
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createTeamRenderer, teammateColor } from "./team-renderer.ts";
import { teamScript } from "./team-script.ts";
import { testTeamSetup } from "./test-agent.ts";

const start = testTeamSetup(useCleanups());

const toolStart = (name: string) =>
  ({
    type: "teammate_event",
    name,
    event: {
      type: "tool_start",
      id: "toolu_1",
      name: "write_file",
      input: { path: "notes.txt", content: "hi" },
    },
  }) as const;

describe("the team renderer", () => {
  it("colours each teammate's name with its own stable colour when colour is on", () => {
    const render = createTeamRenderer({ color: true });
    const [line] = render(toolStart("alice")) ?? [];
    expect(line).toBe(`\u001b[${teammateColor("alice")}m[alice]\u001b[39m ⏺ write_file(notes.txt)`);
    expect(teammateColor("alice")).toBe(teammateColor("alice"));
    const colours = new Set(["alice", "bob", "carol", "dave"].map(teammateColor));
    expect(colours.size).toBeGreaterThan(1);
  });

  it("prints the same lines without escape codes when colour is off", () => {
    const render = createTeamRenderer({ color: false });
    expect(render(toolStart("alice"))).toEqual(["[alice] ⏺ write_file(notes.txt)"]);
    expect(render({ type: "teammate_state", name: "alice", state: "idle" })).toEqual(["[alice] idle"]);
    expect(render({ type: "teammate_state", name: "alice", state: "working" })).toEqual([]);
    expect(
      render({
        type: "team_message",
        from: "alice",
        to: "lead",
        kind: "idle",
        content: "Done:\n  wrote it.",
      }),
    ).toEqual(["✉ alice → lead idle: Done: wrote it."]);
    expect(render({ type: "inbox_queued", name: "lead", messages: [] })).toEqual([]);
    expect(JSON.stringify(render(toolStart("bob")))).not.toContain("\\u001b");
  });

  it("tags a teammate's tool calls with its coloured name in the session's output", async () => {
    const agent = await start({
      options: { teamColor: true },
      script: teamScript(
        {
          lead: [
            reply(toolUse("spawn_teammate", { name: "alice", role: "writer", prompt: "Write notes.txt." })),
          ],
          alice: [reply(toolUse("write_file", { path: "notes.txt", content: "hi\n" })), reply(text("Done."))],
        },
        () => reply(text("Noted.")),
      ),
    });
    await agent.run("Start alice.");
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
    expect(agent.output()).toContain(
      `\u001b[${teammateColor("alice")}m[alice]\u001b[39m ⏺ write_file(notes.txt)`,
    );
  });
});
