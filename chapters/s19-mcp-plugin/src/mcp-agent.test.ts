// MCP tools in the real s19 agent, end to end: the real server-everything, the real loop and the fake API.
// Tools listed as mcp__everything__*, text and image results reaching the model, s07's rules (a tool, a
// wildcard, a whole server), an s08 hook matching by regex, and the deferral path over the tool budget.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defineTool } from "@lcc/s02";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SCRIPTED_SERVER_SCRIPT } from "./mcp/test-servers.ts";
import { everythingEntry, testMcpSetup } from "./test-agent.ts";

const start = testMcpSetup(useCleanups());
const everything = () => ({ everything: everythingEntry() });

describe("s19 MCP tools in the agent", () => {
  it("lists server-everything's tools as mcp__everything__* with the server's own schemas", async () => {
    const session = await start({ script: [reply(text("I see them."))], mcpServers: everything() });
    await session.run("What can you do?");
    const names = session.toolNames(0);
    expect(names).toEqual(
      expect.arrayContaining([
        "mcp__everything__echo",
        "mcp__everything__get-sum",
        "mcp__everything__get-tiny-image",
      ]),
    );
    expect(names.filter((name) => name.startsWith("mcp__everything__"))).toHaveLength(13);
    expect(names).not.toContain("tool_search");
    const echo = session.toolOf(0, "mcp__everything__echo");
    expect(echo).toMatchObject({
      description: "[everything] Echoes back the input string",
      input_schema: { type: "object", required: ["message"] },
    });
    expect(JSON.stringify(session.requests()[0]?.body.system)).toContain(
      "MCP tools: a tool named mcp__<server>__<tool>",
    );
  });

  it("sends a call's text and image to the model, allowed by a whole-server rule", async () => {
    const session = await start({
      script: [
        reply(
          toolUse("mcp__everything__echo", { message: "over MCP" }),
          toolUse("mcp__everything__get-tiny-image", {}),
        ),
        reply(text("done")),
      ],
      mcpServers: everything(),
      permissions: { allow: ["mcp__everything"] },
    });
    await session.run("Echo and show the image.");
    const [echo, image] = session.resultsOf(1);
    expect(echo).toMatchObject({ content: "Echo: over MCP", is_error: false });
    const blocks = image?.content as Array<{ type: string; source?: { media_type: string; data: string } }>;
    const picture = blocks.find((block) => block.type === "image");
    expect(picture?.source?.media_type).toBe("image/png");
    expect(picture?.source?.data.startsWith("iVBORw0KGgo")).toBe(true);
    expect(session.output()).toContain("mcp__everything__echo");
  });

  it("denies by a deny rule on mcp__everything__* and tells the model which rule", async () => {
    const session = await start({
      script: [reply(toolUse("mcp__everything__echo", { message: "no" })), reply(text("denied"))],
      mcpServers: everything(),
      permissions: { deny: ["mcp__everything__*"] },
    });
    await session.run("Echo.");
    const [denied] = session.resultsOf(1);
    expect(denied?.is_error).toBe(true);
    expect(String(denied?.content)).toContain("mcp__everything__*");
    expect(session.events).toContainEqual(
      expect.objectContaining({ type: "tool_decision", name: "mcp__everything__echo", decision: "deny" }),
    );
  });

  it("asks before an MCP call with no rule (the server's readOnlyHint is not trusted)", async () => {
    const session = await start({
      script: [reply(toolUse("mcp__everything__get-sum", { a: 2, b: 40 })), reply(text("sum"))],
      mcpServers: everything(),
      answers: [
        { kind: "choice", key: "y" },
        { kind: "choice", key: "y" },
      ],
    });
    await session.run("Add.");
    expect(session.questions.map((question) => question.source)).toEqual(["mcp", "permission"]);
    expect(session.questions[1]?.question).toContain("Allow mcp__everything__get-sum(");
    expect(session.resultsOf(1)[0]).toMatchObject({ content: "The sum of 2 and 40 is 42.", is_error: false });
  });

  it("runs a PreToolUse hook whose matcher is the regex mcp__everything__.* with the MCP call's name and input", async () => {
    const session = await start({
      script: [reply(toolUse("mcp__everything__echo", { message: "hooked" })), reply(text("ok"))],
      mcpServers: everything(),
      permissions: { allow: ["mcp__everything__echo"] },
      hooks: {
        PreToolUse: [
          {
            matcher: "mcp__everything__.*",
            hooks: [{ type: "command", command: "cat > pre-tool-use.json" }],
          },
        ],
      },
    });
    await session.run("Echo.");
    session.requests();
    const seen = JSON.parse(await readFile(join(session.workspace, "pre-tool-use.json"), "utf8"));
    expect(seen).toMatchObject({
      hook_event_name: "PreToolUse",
      tool_name: "mcp__everything__echo",
      tool_input: { message: "hooked" },
    });
  });
});

describe("s19 over the tool budget", () => {
  it("defers every MCP tool behind tool_search; the model finds echo and calls it through use_tool", async () => {
    const session = await start({
      script: [
        reply(toolUse("tool_search", { query: "echo" })),
        reply(toolUse("use_tool", { name: "mcp__everything__echo", input: { message: "found" } })),
        reply(text("done")),
      ],
      mcpServers: everything(),
      permissions: { allow: ["mcp__everything__echo"] },
      options: { toolBudgetShare: 0.001 },
    });
    await session.run("Echo something.");
    const names = session.toolNames(0);
    expect(names.filter((name) => name.startsWith("mcp__"))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(["tool_search", "use_tool"]));
    const search = session.toolOf(0, "tool_search");
    expect(search?.description).toContain("mcp__everything__echo, ");
    const [found] = session.resultsOf(1);
    expect(String(found?.content)).toContain(
      "## mcp__everything__echo\n[everything] Echoes back the input string",
    );
    expect(String(found?.content)).toContain('"required":["message"]');
    expect(session.resultsOf(2)[0]).toMatchObject({ content: "Echo: found", is_error: false });
    expect(session.events).toContainEqual(
      expect.objectContaining({ type: "notice", text: expect.stringContaining("over the budget of 800") }),
    );
  });
});

describe("s19 deferred tools of a later chapter", () => {
  it("lists tool_search and use_tool without any server; they find and run the given tools", async () => {
    const almanac = defineTool({
      name: "almanac",
      description: "Tells the phase of the moon on a date.",
      input: z.object({ date: z.string() }),
      readOnly: true,
      deferred: true,
      async run({ date }) {
        return `Full moon on ${date}.`;
      },
    });
    const session = await start({
      script: [
        reply(toolUse("tool_search", { query: "moon" })),
        reply(toolUse("use_tool", { name: "almanac", input: { date: "2026-12-24" } })),
        reply(text("done")),
      ],
      options: { deferredTools: () => [almanac] },
    });
    await session.run("Moon?");
    expect(session.toolNames(0)).toEqual(expect.arrayContaining(["tool_search", "use_tool"]));
    expect(session.toolNames(0)).not.toContain("almanac");
    expect(session.toolOf(0, "tool_search")?.description).toContain("Tools it finds: almanac.");
    expect(String(session.resultsOf(1)[0]?.content)).toContain(
      "## almanac\nTells the phase of the moon on a date.",
    );
    expect(session.resultsOf(2)[0]).toMatchObject({ content: "Full moon on 2026-12-24.", is_error: false });
  });

  it("ends a call that runs past MCP_TOOL_TIMEOUT from the session's environment with an is_error result", async () => {
    const session = await start({
      script: [reply(toolUse("mcp__scripted__sleep", { ms: 20_000 })), reply(text("It timed out."))],
      mcpServers: { scripted: { command: process.execPath, args: [SCRIPTED_SERVER_SCRIPT] } },
      permissions: { allow: ["mcp__scripted"] },
      env: { MCP_TOOL_TIMEOUT: "300" },
    });
    const startedAt = Date.now();
    await session.run("Sleep.");
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    const [result] = session.resultsOf(1);
    expect(result?.is_error).toBe(true);
    expect(JSON.stringify(result?.content)).toMatch(/timed out|timeout/i);
  });
});
