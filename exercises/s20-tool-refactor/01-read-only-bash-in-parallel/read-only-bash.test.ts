// Your dispatch in the real s20 session: read-only bash commands of one round run together (each starts before
// any of them ends), a command that writes is a barrier that runs alone, and results keep the model's order.
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent, extendSetup } from "@lcc/s02";
import { createRouterSetup } from "@lcc/s20";
import { reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createParallelDispatch, isReadOnlyCommand } from "./parallel-dispatch.ts";

const addCleanup = useCleanups();

describe("isReadOnlyCommand", () => {
  it("accepts one simple reading command", () => {
    for (const command of [
      "ls",
      "ls -la src",
      "cat notes.txt",
      "wc -l notes.txt",
      "git status --short",
      "git log -3",
    ])
      expect(isReadOnlyCommand(command), command).toBe(true);
  });

  it("refuses anything that could write, chain or run something else", () => {
    const commands = [
      "cat notes.txt > copy.txt",
      "ls; rm -rf build",
      "cat notes.txt | tee copy.txt",
      "ls && touch x",
      "cat $(echo notes.txt)",
      "echo `rm x`",
      "ls\nrm x",
      "rm notes.txt",
      "git commit -am wip",
      "lsof",
      "git diff --output=patch.txt",
      "rg --pre ./script.sh pattern",
    ];
    for (const command of commands) expect(isReadOnlyCommand(command), command).toBe(false);
  });
});

describe("a round of bash calls with your dispatch", () => {
  it("runs the reading commands together and a writing one alone, answering in order", async () => {
    const events: AgentEvent[] = [];
    const session = await startAgentTest(addCleanup, {
      script: [
        reply(
          toolUse("bash", { command: "cat notes.txt" }, "cat"),
          toolUse("bash", { command: "wc -l notes.txt" }, "wc"),
          toolUse("bash", { command: "cat notes.txt > copy.txt" }, "copy"),
          toolUse("bash", { command: "ls" }, "ls"),
        ),
        reply(text("Read, copied and listed.")),
      ],
      files: { "notes.txt": "one\ntwo\n" },
      model: DEFAULT_MODEL,
      homePrefix: "lcc-exercise-s20-",
      async createAgent({ home, ...context }) {
        const agent = await createSessionAgent(
          async (setup) =>
            extendSetup(
              await createRouterSetup(setup, {
                home,
                permissions: { mode: "acceptEdits", allowedTools: ["Bash"] },
              }),
              { dispatch: createParallelDispatch() },
            ),
          context,
        );
        agent.subscribe((event) => events.push(event), { replay: false });
        return agent;
      },
    });
    await session.run("Look at notes.txt, copy it, then list the folder.");

    const at = (type: "tool_start" | "tool_end", id: string) =>
      events.findIndex((event) => event.type === type && event.id === id);
    // cat and wc overlap: each starts before either ends.
    expect(
      Math.max(at("tool_start", "cat"), at("tool_start", "wc")),
      "the later start of cat and wc",
    ).toBeLessThan(Math.min(at("tool_end", "cat"), at("tool_end", "wc")));
    // The copy waits for both and runs alone; ls waits for it.
    expect(at("tool_start", "copy"), "the copy's start").toBeGreaterThan(
      Math.max(at("tool_end", "cat"), at("tool_end", "wc")),
    );
    expect(at("tool_start", "ls")).toBeGreaterThan(at("tool_end", "copy"));
    const content = session.requests()[1]?.body.messages.at(-1)?.content;
    const results = (Array.isArray(content) ? content : []).flatMap((block) =>
      block.type === "tool_result" ? [[block.tool_use_id, block.is_error]] : [],
    );
    expect(results).toEqual([
      ["cat", false],
      ["wc", false],
      ["copy", false],
      ["ls", false],
    ]);
  });
});
