// The property the chapter exists for: across a whole session — tool calls, a git-status reminder, a
// compaction, a date reminder — every request carries the same system prompt and tools, byte for byte,
// and the history only grows (a reminder joins the message about to be sent, never an earlier one).
import type { MessageParam } from "@lcc/s01";
import { isSummaryRequest } from "@lcc/s06";
import { type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

/** JSON without the cache_control markers s06 moves along the conversation tail on each request. */
function withoutCacheControl(value: unknown): string {
  return JSON.stringify(value, (key, inner) => (key === "cache_control" ? undefined : inner));
}

function lastUserText(messages: readonly MessageParam[]): string {
  const content = messages.at(-1)?.content ?? "";
  if (typeof content === "string") return content;
  return content.map((block) => (block.type === "text" ? block.text : "")).join("\n");
}

describe("the system prompt across a session", () => {
  it("stays byte-identical (and tools too) through tool calls, reminders and a compaction", async () => {
    let clock = new Date(2026, 11, 5, 10, 0);
    const steps: FakeReply[] = [
      reply(toolUse("write_file", { path: "notes.md", content: "# Notes\n" })),
      reply(text("notes.md is written.")),
      reply(toolUse("bash", { command: "echo checked" })),
      reply(text("Checked.")),
      reply(text("We wrote notes.md and ran a check.")),
    ];
    let position = 0;
    const session = await start({
      git: true,
      files: { "CLAUDE.md": "Always answer in one line." },
      now: () => clock,
      script: (request) =>
        isSummaryRequest(request.body)
          ? reply(text("Goal: notes. Current state: notes.md written, check run."))
          : (steps[position++] ?? reply(text("(nothing more)"))),
    });

    await session.run("Create notes.md");
    await session.run("Run a check");
    await session.run("/compact");
    clock = new Date(2026, 11, 6, 9, 0);
    await session.run("What did we do?");

    const requests = session.requests();
    expect(requests).toHaveLength(6);
    expect(isSummaryRequest(requests[4]?.body ?? { messages: [] })).toBe(true);
    const systems = new Set(requests.map((request) => JSON.stringify(request.body.system)));
    const tools = new Set(requests.map((request) => JSON.stringify(request.body.tools)));
    expect(systems.size).toBe(1);
    expect(tools.size).toBe(1);

    // Two blocks: the stable prefix with the cache breakpoint, then the environment.
    const system = requests[0]?.body.system;
    expect(Array.isArray(system) && system.length).toBe(2);
    const [stable, environment] = Array.isArray(system) ? system : [];
    expect(stable?.cache_control).toEqual({ type: "ephemeral" });
    expect(stable?.text).toContain("Always answer in one line.");
    expect(environment?.text).toMatch(/^# Environment\nToday's date: 2026-12-05\n/);
    expect(environment?.cache_control).toBeUndefined();

    // Until the compaction each request's history is the previous one's plus new messages.
    for (let index = 1; index <= 4; index += 1) {
      const before = requests[index - 1]?.body.messages ?? [];
      const after = requests[index]?.body.messages ?? [];
      for (const [position, message] of before.entries()) {
        if (index === 4 && position === before.length - 1) continue;
        expect(withoutCacheControl(after[position])).toBe(withoutCacheControl(message));
      }
    }

    // The git-status reminder joined the second prompt; the date reminder the prompt after the compaction.
    const secondPrompt = lastUserText(requests[2]?.body.messages ?? []);
    expect(secondPrompt).toMatch(/^Run a check\n<system-reminder>\nThe git status changed/);
    expect(secondPrompt).toContain("?? notes.md");
    const afterCompaction = lastUserText(requests[5]?.body.messages ?? []);
    expect(afterCompaction).toContain("What did we do?");
    expect(afterCompaction).toContain(
      "The date has changed: today is 2026-12-06 (the session began on 2026-12-05).",
    );
    expect(JSON.stringify(system)).not.toContain("notes.md");
    expect(
      session.events.filter((event) => event.type === "system_reminder").map((event) => event.source),
    ).toEqual(["git_status", "date"]);
    expect(session.output()).toContain("↻ reminder for the model: the git status changed");
  });
});
