// End to end through the real s07 agent and the fake API: denials without a terminal, answers that grant,
// "always" saved and honoured by the next session, plan mode, subagents checked the same way.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

function toolResults(request: RecordedRequest | undefined): Anthropic.ToolResultBlockParam[] {
  const blocks = (request?.body.messages ?? []).flatMap((message) =>
    Array.isArray(message.content) ? (message.content as Anthropic.ContentBlockParam[]) : [],
  );
  return blocks.filter((block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result");
}

const lastResult = (request: RecordedRequest | undefined) => toolResults(request).at(-1);
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const writeCall = (path: string, id?: string) => toolUse("write_file", { path, content: "new\n" }, id);

describe("s07 permissions, end to end", () => {
  it("denies an edit without a terminal and names the flag and rule that would allow it", async () => {
    const session = await start({ script: [reply(writeCall("src/app.ts")), reply(text("Blocked."))] });
    await session.run("Write src/app.ts.");
    const result = lastResult(session.requests()[1]);
    expect(result?.is_error).toBe(true);
    expect(String(result?.content)).toContain("--permission-mode acceptEdits");
    expect(String(result?.content)).toContain("Edit(src/**)");
    expect(await exists(join(session.workspace, "src/app.ts"))).toBe(false);
    assertPairingInvariant(session.requests());
  });

  it("runs the edit in acceptEdits mode", async () => {
    const session = await start({
      script: [reply(writeCall("src/app.ts")), reply(text("Written."))],
      options: { mode: "acceptEdits" },
    });
    await session.run("Write src/app.ts.");
    expect(lastResult(session.requests()[1])?.is_error).toBe(false);
    expect(await readFile(join(session.workspace, "src/app.ts"), "utf8")).toBe("new\n");
  });

  it("saves 'yes always' to .lcc/settings.local.json and a new session honours it without asking", async () => {
    const session = await start({
      script: [
        reply(writeCall("src/a.ts")),
        reply(text("Done.")),
        reply(writeCall("src/b.ts")),
        reply(text("Done again.")),
      ],
      answers: [{ kind: "choice", key: "a" }],
    });
    await session.run("Write src/a.ts.");
    expect(session.questions).toHaveLength(1);
    expect(session.questions[0]?.choices.map((choice) => choice.key)).toEqual(["y", "s", "a", "n"]);
    expect(session.questions[0]?.choices[2]?.label).toBe(
      "yes, always: save Edit(src/**) to .lcc/settings.local.json",
    );
    const saved = JSON.parse(await readFile(join(session.workspace, ".lcc/settings.local.json"), "utf8"));
    expect(saved).toEqual({ permissions: { allow: ["Edit(src/**)"] } });
    const next = await session.newSession();
    await next.run("Write src/b.ts.");
    expect(session.questions).toHaveLength(1);
    expect(lastResult(session.requests()[3])?.is_error).toBe(false);
    expect(await exists(join(session.workspace, "src/b.ts"))).toBe(true);
    assertPairingInvariant(session.requests());
  });

  it("keeps a session grant for the session only", async () => {
    const session = await start({
      script: [
        reply(toolUse("bash", { command: "npm --version" })),
        reply(toolUse("bash", { command: "npm --version" })),
        reply(text("ok")),
      ],
      answers: [{ kind: "choice", key: "s" }],
    });
    await session.run("Check npm twice.");
    expect(session.questions).toHaveLength(1);
    expect(await exists(join(session.workspace, ".lcc/settings.local.json"))).toBe(false);
  });

  it("asks before a write outside the workspace and, once allowed, the file tool reaches it (that call only)", async () => {
    const outside = await mkdtemp(join(tmpdir(), "lcc-outside-"));
    const target = join(outside, "notes", "out.txt");
    const session = await start({
      script: [reply(writeCall(target)), reply(writeCall(join(outside, "second.txt"))), reply(text("Done."))],
      answers: [{ kind: "choice", key: "y" }],
    });
    try {
      await session.run("Write outside.");
      expect(session.questions).toHaveLength(2);
      expect(await readFile(target, "utf8")).toBe("new\n");
      // The second call was not answered (no more scripted answers): refused, nothing written.
      expect(await exists(join(outside, "second.txt"))).toBe(false);
      assertPairingInvariant(session.requests());
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("sends the user's reason for a refusal to the model in the is_error result", async () => {
    const session = await start({
      script: [reply(toolUse("bash", { command: "npm install left-pad" })), reply(text("OK."))],
      answers: [{ kind: "choice", key: "n", text: "use pnpm instead" }],
    });
    await session.run("Add left-pad.");
    const result = lastResult(session.requests()[1]);
    expect(result?.is_error).toBe(true);
    expect(String(result?.content)).toContain("use pnpm instead");
  });

  it("refuses a write in plan mode and says why", async () => {
    const session = await start({
      script: [
        reply(toolUse("read_file", { path: "README.md" })),
        reply(writeCall("README.md")),
        reply(text("Plan.")),
      ],
      files: { "README.md": "# shop\n" },
      options: { mode: "plan" },
    });
    await session.run("Plan a README change.");
    expect(lastResult(session.requests()[1])?.is_error).toBe(false);
    const refused = lastResult(session.requests()[2]);
    expect(refused?.is_error).toBe(true);
    expect(String(refused?.content)).toContain("plan mode");
    expect(await readFile(join(session.workspace, "README.md"), "utf8")).toBe("# shop\n");
  });

  it("checks a subagent's calls the same way", async () => {
    const session = await start({
      script: [
        reply(toolUse("agent", { description: "Write it", prompt: "Write x.txt.", agent_type: "general" })),
        reply(writeCall("x.txt")),
        reply(text("The write was refused.")),
        reply(text("The subagent could not write.")),
      ],
    });
    await session.run("Delegate a write.");
    const child = lastResult(session.requests()[2]);
    expect(child?.is_error).toBe(true);
    expect(String(child?.content)).toContain("needs the user's approval");
    expect(await exists(join(session.workspace, "x.txt"))).toBe(false);
    assertPairingInvariant(session.requests());
  });

  it("tells the model to stop and ask the user after 3 denials in a row", async () => {
    const session = await start({
      script: [
        reply(toolUse("bash", { command: "rm -rf a" })),
        reply(toolUse("bash", { command: "rm -rf b" })),
        reply(toolUse("bash", { command: "rm -rf c" })),
        reply(text("I'll ask.")),
      ],
    });
    await session.run("Clean up.");
    expect(String(lastResult(session.requests()[2])?.content)).not.toContain("in a row");
    expect(String(lastResult(session.requests()[3])?.content)).toContain("denial 3 in a row: stop");
  });

  it("reports a corrupt settings file with its path and never overwrites it on 'always'", async () => {
    const corrupt = "{ not json";
    const session = await start({
      script: [reply(writeCall("src/a.ts")), reply(text("Done."))],
      files: { ".lcc/settings.local.json": corrupt },
      answers: [{ kind: "choice", key: "a" }],
    });
    await session.run("Write src/a.ts.");
    const path = join(session.workspace, ".lcc/settings.local.json");
    expect(await readFile(path, "utf8")).toBe(corrupt);
    const warnings = session.events.filter((event) => event.type === "notice" && event.level === "warn");
    expect(warnings.map((event) => (event.type === "notice" ? event.text : "")).join("\n")).toContain(path);
    expect(await exists(join(session.workspace, "src/a.ts"))).toBe(true);
  });

  it("lists rules with their source file under /permissions and switches modes with /mode", async () => {
    const session = await start({
      script: [reply(text("unused"))],
      files: { ".claude/settings.json": JSON.stringify({ permissions: { deny: ["Bash(curl:*)"] } }) },
    });
    await session.run("/permissions");
    expect(session.output()).toContain(
      `deny  Bash(curl:*)  ← ${join(session.workspace, ".claude/settings.json")}`,
    );
    await session.run("/mode plan");
    expect(session.agent.setup.permissions.mode()).toBe("plan");
    expect(session.output()).toContain("permission mode: plan (was default)");
  });
});
