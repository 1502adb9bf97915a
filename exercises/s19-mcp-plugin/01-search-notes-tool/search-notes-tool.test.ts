// Your MCP server in the real s19 session: started over stdio, its search_notes listed to the model as
// mcp__notes__search_notes with the server's own schema, and called through the hub like any MCP tool.
import { fileURLToPath } from "node:url";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { type ConfiguredServer, createMcpSetup, fingerprintOf } from "@lcc/s19";
import { reply, type Script, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";

const addCleanup = useCleanups();

/** ./notes-server.mjs as a server given on the command line (no approval question). */
function notesServer(): ConfiguredServer {
  const script = fileURLToPath(new URL("./notes-server.mjs", import.meta.url));
  const config = { type: "stdio" as const, command: process.execPath, args: [script], env: {} };
  return { name: "notes", scope: "flag", source: "test", config, fingerprint: fingerprintOf(config) };
}

/** The s19 session on the fake API with the notes server; its MCP tools allowed by a whole-server rule. */
async function start(script: Script) {
  const session = await startAgentTest(addCleanup, {
    script,
    model: DEFAULT_MODEL,
    homePrefix: "lcc-exercise-s19-",
    createAgent: ({ home, ...context }) =>
      createSessionAgent(
        (setup) =>
          createMcpSetup(setup, {
            home,
            servers: [notesServer()],
            permissions: { allowedTools: ["mcp__notes"] },
          }),
        context,
      ),
  });
  /** The tool results of request `index` (the newest message's tool_result blocks). */
  const resultsOf = (index: number) => {
    const content = session.requests()[index]?.body.messages.at(-1)?.content;
    return (Array.isArray(content) ? content : []).filter((block) => block.type === "tool_result");
  };
  return { ...session, resultsOf };
}

describe("the notes server's search_notes", () => {
  it("is listed to the model with the server's description and schema", async () => {
    const session = await start([reply(text("I can search notes."))]);
    await session.run("What can you do?");
    const tools = (session.requests()[0]?.body.tools ?? []) as Anthropic.Tool[];
    expect(tools.map((tool) => tool.name)).toContain("mcp__notes__search_notes");
    const search = tools.find((tool) => tool.name === "mcp__notes__search_notes");
    expect(search?.description).toMatch(/^\[notes\] Finds the saved notes/);
    expect(search?.input_schema).toMatchObject({
      type: "object",
      properties: { query: { type: "string" } },
      required: ["query"],
    });
  });

  it("finds the notes that contain the query, whatever its case, and says when none does", async () => {
    const session = await start([
      reply(
        toolUse("mcp__notes__add_note", { text: "Buy oat milk" }),
        toolUse("mcp__notes__add_note", { text: "Call the plumber" }),
        toolUse("mcp__notes__add_note", { text: "Milk the budget review for ideas" }),
      ),
      reply(
        toolUse("mcp__notes__search_notes", { query: "MILK" }, "milk"),
        toolUse("mcp__notes__search_notes", { query: "dentist" }, "dentist"),
      ),
      reply(text("Two notes mention milk; none the dentist.")),
    ]);
    await session.run("Save three notes, then look for milk and the dentist.");

    expect(session.resultsOf(1).map((result) => result.content)).toEqual([
      "Saved note #1.",
      "Saved note #2.",
      "Saved note #3.",
    ]);
    expect(session.resultsOf(2)).toEqual([
      expect.objectContaining({
        tool_use_id: "milk",
        content: "#1 Buy oat milk\n#3 Milk the budget review for ideas",
        is_error: false,
      }),
      expect.objectContaining({
        tool_use_id: "dentist",
        content: "No note mentions dentist.",
        is_error: false,
      }),
    ]);
  });
});
