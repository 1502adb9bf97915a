// End to end through the real s09 agent on the fake API: a memory saved in one session is in the next
// session's system prompt (never in this one's), secrets are refused, corrupt files are reported and
// kept, user memories can be read, and after a compaction the session's memories come back as a reminder.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { isSummaryRequest } from "@lcc/s06";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { systemOf, testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);

/** A script that plays `steps` in order and answers every summary request with a summary. */
function scripted(steps: FakeReply[]) {
  let position = 0;
  return (request: RecordedRequest) =>
    isSummaryRequest(request.body)
      ? reply(text("SUMMARY: the user works on shop-api."))
      : (steps[position++] ?? reply(text("(nothing more)")));
}

const DEPLOY = {
  name: "Deploy days",
  description: "Production deploys only on Tuesdays",
  type: "project",
  content: "Deploy to production only on Tuesdays.\n\nWhy: the on-call rota covers Tuesdays.",
};
const PNPM = {
  name: "Uses pnpm",
  description: "The user wants pnpm, never npm",
  type: "feedback",
  content: "Use pnpm.",
};

/** The tool results of the last user message of a request. */
function toolResults(request: RecordedRequest | undefined): Anthropic.ToolResultBlockParam[] {
  const content = request?.body.messages.at(-1)?.content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((block: Anthropic.ContentBlockParam) =>
    block.type === "tool_result" ? [block] : [],
  );
}

const resultText = (result: Anthropic.ToolResultBlockParam | undefined) =>
  typeof result?.content === "string" ? result.content : JSON.stringify(result?.content);

describe("the memory agent", () => {
  it("puts a memory saved in session 1 into session 2's system prompt, never into session 1's", async () => {
    const first = await start({
      script: scripted([
        reply(toolUse("memory_save", DEPLOY), toolUse("memory_save", PNPM)),
        reply(text("Saved both.")),
      ]),
    });
    await first.run("Remember: deploys only on Tuesdays, and I want pnpm.");
    const [before, after] = first.requests();
    const results = toolResults(after);
    expect(results.map((result) => result.is_error)).toEqual([false, false]);
    expect(resultText(results[0])).toBe(
      'Saved project memory "Deploy days" in .lcc/memory/deploy-days.md.\nIt is in the memory index from the ' +
        "next session on (this session's prompt stays as it is).",
    );
    expect(resultText(results[1])).toContain(
      `Saved user memory "Uses pnpm" in ${join(first.home, ".lcc/memory/uses-pnpm.md")} (kept for all projects).`,
    );
    expect(systemOf(after!)).toBe(systemOf(before!));
    expect(systemOf(before!)).toContain("## Project memories (.lcc/memory)\n(none yet)");

    const second = await start({
      script: scripted([reply(text("ok"))]),
      workspace: first.workspace,
      home: first.home,
    });
    await second.run("Deploy today?");
    const system = systemOf(second.requests()[0]!);
    expect(system).toContain(
      "## Project memories (.lcc/memory)\n- [Deploy days](deploy-days.md) — Production deploys only on Tuesdays",
    );
    expect(system).toContain(
      `## User memories (${join(first.home, ".lcc/memory")})\n- [Uses pnpm](uses-pnpm.md) — The user wants pnpm, never npm`,
    );
    expect(second.output()).toContain("memory: 1 project memory and 1 user memory in the prompt");
  });

  it("saves without a question, in plan mode too, while a deny rule still stops the tool", async () => {
    const planned = await start({
      script: scripted([reply(toolUse("memory_save", DEPLOY)), reply(text("Saved."))]),
      options: { permissions: { mode: "plan" } },
    });
    await planned.run("Remember: deploys only on Tuesdays.");
    expect(toolResults(planned.requests()[1])[0]?.is_error).toBe(false);

    const denied = await start({
      files: { ".claude/settings.json": JSON.stringify({ permissions: { deny: ["memory_save"] } }) },
      script: scripted([reply(toolUse("memory_save", DEPLOY)), reply(text("Not saved."))]),
    });
    await denied.run("Remember: deploys only on Tuesdays.");
    const [result] = toolResults(denied.requests()[1]);
    expect(result?.is_error).toBe(true);
    expect(resultText(result)).toContain("denied by the rule memory_save");
  });

  it("refuses to save a secret and tells the model why", async () => {
    const session = await start({
      script: scripted([
        reply(toolUse("memory_save", { ...DEPLOY, content: "key: sk-ant-api03-abcdefghijklmnopqrstu" })),
        reply(text("I will not save the key.")),
      ]),
    });
    await session.run("Remember my key sk-ant-api03-abcdefghijklmnopqrstu");
    const [result] = toolResults(session.requests()[1]);
    expect(result?.is_error).toBe(true);
    expect(resultText(result)).toContain("Never save secrets");
    expect(await readdir(join(session.workspace, ".lcc", "memory")).catch(() => [])).toEqual([]);
  });

  it("reports a corrupt memory file with its path, at start and when saving next to it, and keeps it byte for byte", async () => {
    const corrupt = "---\nname: Deploy days\ndescription: [broken\n---\nhand edit\n";
    const session = await start({
      files: { ".lcc/memory/deploy-days.md": corrupt },
      script: scripted([reply(toolUse("memory_save", DEPLOY)), reply(text("Saved."))]),
    });
    expect(session.output()).toContain(
      "⚠ .lcc/memory/deploy-days.md: not a valid memory file (invalid YAML frontmatter",
    );
    await session.run("Remember: deploys only on Tuesdays.");
    const [result] = toolResults(session.requests()[1]);
    expect(resultText(result)).toContain("in .lcc/memory/deploy-days-2.md.");
    expect(resultText(result)).toContain("Note: .lcc/memory/deploy-days.md: not a valid memory file");
    expect(await readFile(join(session.workspace, ".lcc/memory/deploy-days.md"), "utf8")).toBe(corrupt);
  });

  it("lets read_file read a user memory outside the workspace, unless a deny rule says no", async () => {
    const read = reply(toolUse("read_file", { path: "" }));
    const session = await start({
      script: scripted([reply(toolUse("memory_save", PNPM)), read, reply(text("done"))]),
    });
    const path = join(session.home, ".lcc/memory/uses-pnpm.md");
    read.content = [toolUse("read_file", { path })];
    await session.run("Remember pnpm, then read the memory back.");
    const [readResult] = toolResults(session.requests()[2]);
    expect(readResult?.is_error).toBe(false);
    expect(resultText(readResult)).toContain("Use pnpm.");

    await mkdir(join(session.workspace, ".claude"), { recursive: true });
    await writeFile(
      join(session.workspace, ".claude/settings.json"),
      JSON.stringify({ permissions: { deny: ["Read(~/.lcc/memory/**)"] } }),
    );
    const denied = await start({
      script: scripted([reply(toolUse("read_file", { path })), reply(text("denied"))]),
      workspace: session.workspace,
      home: session.home,
    });
    await denied.run("Read the memory.");
    const [deniedResult] = toolResults(denied.requests()[1]);
    expect(deniedResult?.is_error).toBe(true);
    expect(resultText(deniedResult)).toContain("denied by the rule Read(~/.lcc/memory/**)");
  });

  it("re-injects the memories saved this session into the compacted history after /compact", async () => {
    const session = await start({
      script: scripted([
        reply(toolUse("memory_save", DEPLOY)),
        reply(text("Saved.")),
        reply(text("Tuesday.")),
      ]),
    });
    await session.run("Remember: deploys only on Tuesdays.");
    await session.run("/compact");
    await session.run("When do we deploy?");
    const requests = session.requests();
    const last = requests.at(-1)!;
    expect(systemOf(last)).toBe(systemOf(requests[0]!));
    const content = last.body.messages[0]?.content as Anthropic.TextBlockParam[];
    const texts = content.map((block) => block.text);
    const reminder = texts.findIndex((entry) => entry.startsWith("<system-reminder>"));
    expect(texts[reminder]).toContain("## Deploy days (project, .lcc/memory/deploy-days.md)");
    expect(texts[reminder]).toContain("Deploy to production only on Tuesdays.");
    expect(texts[reminder + 1]).toMatch(/^<continue-after-compaction>/);
    expect(texts.at(-1)).toBe("When do we deploy?");
    expect(JSON.stringify(last.body.messages).match(/<system-reminder>/g)).toHaveLength(1);
  });

  it("re-injects them in the same model call when the model compacts with the compact tool", async () => {
    const session = await start({
      script: scripted([
        reply(toolUse("memory_save", DEPLOY)),
        reply(toolUse("compact", {})),
        reply(text("Compacted; deploys are on Tuesdays.")),
      ]),
    });
    await session.run("Remember deploy days, then compact.");
    const requests = session.requests().filter((request) => !isSummaryRequest(request.body));
    const last = JSON.stringify(requests.at(-1)?.body.messages);
    expect(last).toContain("<compacted-context>");
    expect(last).toContain("## Deploy days (project, .lcc/memory/deploy-days.md)");
  });

  it("adds no reminder after a compaction when this session saved nothing", async () => {
    const session = await start({ script: scripted([reply(text("Hi.")), reply(text("Still here."))]) });
    await session.run("Hello");
    await session.run("/compact");
    await session.run("Again");
    expect(JSON.stringify(session.requests().at(-1)?.body.messages)).not.toContain("<system-reminder>");
  });
});
