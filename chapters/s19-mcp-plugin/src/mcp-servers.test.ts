// The session's MCP servers, end to end through the real s19 agent: a workspace's server asked about once and
// remembered, trusted without a terminal, ignored under --strict-mcp-config; a failing server beside working
// ones; a slow server reached later through use_tool; the hub kept across /clear and closed with the session.
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { brokenEntry, everythingEntry, slowEntry, testMcpSetup, YES } from "./test-agent.ts";

const start = testMcpSetup(useCleanups());
const NO = { kind: "choice", key: "n" } as const;

/** Resolves once `condition` holds (polling every 20 ms), or fails after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("the condition never held");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("s19 a workspace's servers", () => {
  it("asks about a .mcp.json server once; the yes is remembered for the next session", async () => {
    const first = await start({
      script: [reply(text("one")), reply(text("two")), reply(text("three"))],
      mcpServers: { everything: everythingEntry() },
      answers: [YES],
    });
    await first.run("Hello.");
    expect(first.questions).toHaveLength(1);
    expect(first.questions[0]).toMatchObject({ source: "mcp" });
    expect(first.questions[0]?.question).toContain('configures the MCP server "everything"');
    expect(first.questions[0]?.detail).toContain("index.js stdio");
    await first.run("/clear");
    await first.run("Again.");
    expect(first.questions).toHaveLength(1);
    expect(first.toolNames(1)).toContain("mcp__everything__echo");

    const second = await start({
      script: [reply(text("back"))],
      home: first.home,
      workspace: first.workspace,
      answers: [],
    });
    await second.run("Hello again.");
    expect(second.questions).toEqual([]);
    expect(second.toolNames(0)).toContain("mcp__everything__echo");
  });

  it("leaves a server the user refused off, says so in /mcp, and does not ask again, not even next session", async () => {
    const session = await start({
      script: [reply(text("one")), reply(text("two"))],
      mcpServers: { everything: everythingEntry() },
      answers: [NO],
    });
    await session.run("Hello.");
    await session.run("/clear");
    await session.run("Again.");
    expect(session.questions).toHaveLength(1);
    expect(session.toolNames(0).filter((name) => name.startsWith("mcp__"))).toEqual([]);
    expect(session.toolNames(1).filter((name) => name.startsWith("mcp__"))).toEqual([]);
    await session.run("/mcp");
    expect(session.output()).toContain(
      "everything · project (.mcp.json) · disabled (/mcp enable turns it on)",
    );

    const next = await start({
      script: [reply(text("back"))],
      home: session.home,
      workspace: session.workspace,
      answers: [],
    });
    await next.run("Hello again.");
    expect(next.questions).toEqual([]);
    expect(next.hub().servers()[0]?.status).toBe("disabled");
    expect(next.toolNames(0).filter((name) => name.startsWith("mcp__"))).toEqual([]);
  });

  it("a question cut short by Ctrl-C sends no request, starts nothing, and is asked again next conversation", async () => {
    const controller = new AbortController();
    let interrupted = false;
    const session = await start({
      script: [reply(text("after the answer"))],
      mcpServers: { everything: everythingEntry() },
      ask: (_request, signal) => {
        if (interrupted) return Promise.resolve(YES);
        interrupted = true;
        controller.abort();
        return Promise.resolve(
          signal.aborted
            ? { kind: "unavailable", reason: "the turn was interrupted" }
            : { kind: "choice", key: "n" },
        );
      },
    });
    await session.agent.handleLine("Hello.", controller.signal);
    expect(session.requests()).toEqual([]);
    expect(session.hub().servers()[0]?.status).toBe("pending-approval");
    await session.run("/clear");
    await session.run("Hello again.");
    expect(session.questions).toHaveLength(2);
    expect(session.toolNames(0)).toContain("mcp__everything__echo");
  });

  it("without a terminal runs the workspace's server for this session, as claude -p does", async () => {
    const session = await start({
      script: [reply(text("hi"))],
      mcpServers: { everything: everythingEntry() },
    });
    await session.run("Hello.");
    expect(session.toolNames(0)).toContain("mcp__everything__echo");
    expect(session.events).toContainEqual(
      expect.objectContaining({
        type: "notice",
        text: expect.stringContaining("no terminal to ask: everything"),
      }),
    );
  });

  it("under --strict-mcp-config uses only --mcp-config servers, never the workspace's", async () => {
    const flagged = JSON.stringify({ mcpServers: { flagged: everythingEntry() } });
    const session = await start({
      script: [reply(text("hi"))],
      mcpServers: { everything: everythingEntry() },
      options: { mcpConfig: [flagged], strictMcpConfig: true },
      answers: [],
    });
    await session.run("Hello.");
    const names = session.toolNames(0).filter((name) => name.startsWith("mcp__"));
    expect(names).toContain("mcp__flagged__echo");
    expect(names.some((name) => name.startsWith("mcp__everything__"))).toBe(false);
    expect(session.questions).toEqual([]);
    expect(
      session
        .hub()
        .servers()
        .map((server) => server.name),
    ).toEqual(["flagged"]);
  });
});

describe("s19 servers that fail or come late", () => {
  it("shows a failing server as failed in /mcp with its reason, while the others work and the request is sent", async () => {
    const session = await start({
      script: [
        reply(
          toolUse("tool_search", { query: "" }),
          toolUse("mcp__everything__echo", { message: "still here" }),
        ),
        reply(text("ok")),
      ],
      options: {
        mcpConfig: [JSON.stringify({ mcpServers: { broken: brokenEntry(), everything: everythingEntry() } })],
      },
      permissions: { allow: ["mcp__everything"] },
    });
    await session.run("Echo.");
    // tool_search is there for the failed server (if it comes back); everything's listed tools are not in it.
    expect(session.resultsOf(1)[0]).toMatchObject({ content: "No tools to search yet.", is_error: false });
    expect(session.resultsOf(1)[1]).toMatchObject({ content: "Echo: still here", is_error: false });
    expect(session.toolNames(0)).toEqual(expect.arrayContaining(["tool_search", "use_tool"]));
    await session.run("/mcp");
    const output = session.output();
    expect(output).toMatch(/broken · flag \(--mcp-config .*\) · failed: .*no database configured/);
    expect(output).toMatch(/everything · flag \(--mcp-config .*\) · connected · 13 tools/);
    expect(output).toContain("  mcp__everything__echo · Echoes back the input string");
    expect(output).toMatch(/⚠ mcp: broken failed: /);
  });

  it("does not hold the first request for a server still connecting; once it is up, use_tool reaches it", async () => {
    const replies = [
      reply(text("The slow server is not up yet.")),
      reply(toolUse("tool_search", { query: "echo" })),
      reply(toolUse("use_tool", { name: "mcp__slow__echo", input: { message: "late" } })),
      reply(text("done")),
    ];
    let statusAtFirstRequest: string | undefined;
    const session = await start({
      script: (_request, index) => {
        if (index === 0) statusAtFirstRequest = session.hub().servers()[0]?.status;
        return replies[index] ?? reply(text("no more"));
      },
      options: {
        mcpConfig: [JSON.stringify({ mcpServers: { slow: slowEntry(1_000) } })],
        startupWaitMs: 100,
      },
      permissions: { allow: ["mcp__slow"] },
    });
    await session.run("Hello.");
    expect(statusAtFirstRequest).toBe("connecting");
    expect(session.toolNames(0).filter((name) => name.startsWith("mcp__"))).toEqual([]);
    const search = session.toolOf(0, "tool_search");
    expect(search?.description).toContain("slow (connecting)");
    await until(() => session.hub().servers()[0]?.status === "connected");
    await session.run("Echo through the slow server.");
    expect(String(session.resultsOf(2)[0]?.content)).toContain("## mcp__slow__echo");
    expect(session.resultsOf(3)[0]).toMatchObject({ content: "Echo: late", is_error: false });
  });
});

describe("s19 the hub belongs to the session", () => {
  it("keeps the same servers across /clear and stops them when the session closes", async () => {
    const session = await start({
      script: [reply(text("one")), reply(text("two"))],
      mcpServers: { everything: everythingEntry() },
    });
    await session.run("Hello.");
    const hub = session.hub();
    await session.run("/clear");
    await session.run("Again.");
    expect(session.hub()).toBe(hub);
    expect(hub.servers()[0]).toMatchObject({ status: "connected", restarts: 0 });
    expect(session.toolNames(1)).toContain("mcp__everything__echo");
    await session.agent.close();
    await expect(hub.callTool("everything", "echo", { message: "x" })).rejects.toThrow(/closed/);
  });
});
