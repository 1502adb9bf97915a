// Per-turn facts through the real agent: a changed date or git status becomes a <system-reminder> in the
// user message about to be sent (after its tool results), told once; git is read once per prompt.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MessageParam } from "@lcc/s01";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { git, testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

const lastMessage = (messages: readonly MessageParam[] | undefined) => messages?.at(-1);
const reminders = (message: MessageParam | undefined) =>
  typeof message?.content === "string"
    ? []
    : (message?.content ?? []).flatMap((block) =>
        block.type === "text" && block.text.startsWith("<system-reminder>") ? [block.text] : [],
      );

describe("turn reminders", () => {
  it("tells the model once that the date changed, after the tool results of the round it changed in", async () => {
    let clock = new Date(2026, 11, 5, 23, 59);
    const session = await start({
      now: () => clock,
      script: (_request, index) => {
        if (index === 0) {
          clock = new Date(2026, 11, 6, 0, 1);
          return reply(toolUse("bash", { command: "echo late" }));
        }
        return index === 1 ? reply(toolUse("bash", { command: "echo later" })) : reply(text("done"));
      },
    });
    await session.run("work past midnight");
    const requests = session.requests();
    expect(requests).toHaveLength(3);
    expect(reminders(lastMessage(requests[0]?.body.messages))).toEqual([]);
    const second = lastMessage(requests[1]?.body.messages);
    const content = typeof second?.content === "string" ? [] : (second?.content ?? []);
    expect(content.map((block) => block.type)).toEqual(["tool_result", "text"]);
    expect(reminders(second)).toEqual([
      "<system-reminder>\nThe date has changed: today is 2026-12-06 (the session began on 2026-12-05).\n</system-reminder>",
    ]);
    expect(reminders(lastMessage(requests[2]?.body.messages))).toEqual([]);
  });

  it("reads git once per prompt and reminds only when the branch or status changed", async () => {
    const session = await start({
      git: true,
      script: (_request, index) =>
        index === 1
          ? reply(toolUse("write_file", { path: "made-by-tool.txt", content: "new\n" }))
          : reply(text(`answer ${index}`)),
    });
    await session.run("first"); // request 0: nothing changed since the session began
    await session.run("second"); // request 1 → tool writes a file; request 2: same prompt, not checked again
    await session.run("third"); // request 3: the file the tool made shows up
    await git(session.workspace, "checkout", "-q", "-b", "feature");
    await session.run("fourth"); // request 4: the branch changed
    // The agent's own state folder (LCC_HOME) appearing is no change of the user's.
    await mkdir(join(session.root ?? session.workspace, ".lcc", "sessions"), { recursive: true });
    await writeFile(join(session.root ?? session.workspace, ".lcc", "sessions", "s.jsonl"), "{}\n");
    await session.run("fifth"); // request 5: nothing changed since last told
    const told = session.requests().map((request) => reminders(lastMessage(request.body.messages)));
    expect(told.map((list) => list.length)).toEqual([0, 0, 0, 1, 1, 0]);
    expect(told[3]?.[0]).toContain("Branch: main. Status:\n?? made-by-tool.txt");
    expect(told[4]?.[0]).toContain("Branch: feature. Status:\n?? made-by-tool.txt");
  });

  it("does not read git again for a first prompt that follows the session's own read at once", async () => {
    const script = (_request: unknown, index: number) => reply(text(`answer ${index}`));
    // A window no loaded machine can miss (the default, GIT_STATUS_FRESH_MS, is 1 s).
    const quick = await start({ git: true, script, options: { gitStatusFreshMs: 60_000 } });
    await writeFile(join(quick.root ?? quick.workspace, "quick.txt"), "made right after start\n");
    await quick.run("first"); // within the window of the session's read: not read again
    await quick.run("second"); // every later prompt reads it
    const told = quick.requests().map((request) => reminders(lastMessage(request.body.messages)));
    expect(told.map((list) => list.length)).toEqual([0, 1]);
    expect(told[1]?.[0]).toContain("?? quick.txt");

    // The session's read is too old for its first prompt (a REPL user typing later): read again.
    const later = await start({ git: true, script, options: { gitStatusFreshMs: 0 } });
    await writeFile(join(later.root ?? later.workspace, "later.txt"), "made before the first prompt\n");
    await later.run("first");
    const first = reminders(lastMessage(later.requests()[0]?.body.messages));
    expect(first).toHaveLength(1);
    expect(first[0]).toContain("?? later.txt");
  });

  it("states the environment once, and says so when the workspace is not a git repository", async () => {
    const session = await start({ now: () => new Date(2026, 0, 2, 8), script: [reply(text("ok"))] });
    const environment = session.agent.resolved.sections.at(-1);
    expect(environment?.name).toBe("environment");
    expect(environment?.text).toContain("Today's date: 2026-01-02");
    expect(environment?.text).toContain(`Working directory: ${session.workspace}`);
    expect(environment?.text).toContain(`Platform: ${process.platform} (`);
    expect(environment?.text).toContain("Shell: unknown");
    expect(environment?.text).toContain("Git: no (not a git repository)");
  });

  it("states the branch and a clean status in a repository", async () => {
    const session = await start({ git: true, script: [reply(text("ok"))] });
    const environment = session.agent.resolved.sections.at(-1)?.text ?? "";
    expect(environment).toContain(`Git: yes, repository root ${session.root}, branch main`);
    expect(environment).toMatch(/Git status at session start.*\n\(clean\)$/);
  });
});
