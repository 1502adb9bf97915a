// Your section in the real s19 session: two servers started over stdio (./guide-server.mjs), one with
// instructions and one without, and one that fails; the first request's system prompt carries what the
// first said, under its name, and nothing for the others.
import { fileURLToPath } from "node:url";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { type ConfiguredServer, createMcpSetup, fingerprintOf, type McpServerView } from "@lcc/s19";
import { reply, text } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import {
  SERVER_INSTRUCTIONS_MAX_CHARS,
  serverInstructionsSection,
  withServerInstructions,
} from "./server-instructions.ts";

const addCleanup = useCleanups();

/** A server given on the command line (no approval question). */
function server(name: string, args: string[], env: Record<string, string> = {}): ConfiguredServer {
  const config = { type: "stdio" as const, command: process.execPath, args, env };
  return { name, scope: "flag", source: "test", config, fingerprint: fingerprintOf(config) };
}
const guide = fileURLToPath(new URL("./guide-server.mjs", import.meta.url));

/** A server as the hub shows it, with only what a test names. */
function view(name: string, extra: Partial<McpServerView> = {}, instructions?: string): McpServerView {
  return {
    name,
    scope: "flag",
    source: "test",
    transport: "stdio",
    status: "connected",
    tools: [],
    restarts: 0,
    serverInfo: {
      name,
      version: "1.0.0",
      protocolVersion: "2025-06-18",
      capabilities: {},
      ...(instructions === undefined ? {} : { instructions }),
    },
    ...extra,
  };
}

describe("serverInstructionsSection", () => {
  it("gives each connected server's instructions under its name, and nothing when none sent any", () => {
    const section = serverInstructionsSection([
      view("notes", {}, "  Search before you add a note.\n"),
      view("plain"),
      view("blank", {}, "   "),
      view("down", { status: "failed" }, "Never shown."),
      view("tickets", {}, "Ticket ids look like ABC-123."),
    ]);
    expect(section?.name).toBe("mcp-instructions");
    expect(section?.text.startsWith("# MCP server instructions\n")).toBe(true);
    expect(section?.text).toContain(
      "\n\n## notes\nSearch before you add a note.\n\n## tickets\nTicket ids look like ABC-123.",
    );
    expect(section?.text).not.toMatch(/## (plain|blank|down)|Never shown/);
    expect(
      serverInstructionsSection([view("plain"), view("down", { status: "failed" }, "x")]),
    ).toBeUndefined();
  });

  it("cuts long instructions to SERVER_INSTRUCTIONS_MAX_CHARS", () => {
    const section = serverInstructionsSection([view("wordy", {}, "x".repeat(5_000))]);
    const body = section?.text.split("## wordy\n")[1];
    expect(body?.length).toBe(SERVER_INSTRUCTIONS_MAX_CHARS);
    expect(body?.endsWith("…")).toBe(true);
  });
});

describe("the first request of a session with your section", () => {
  it("carries what the servers said, once they have connected", async () => {
    const servers = [
      server("notes", [guide], { GUIDE_NAME: "notes", GUIDE_INSTRUCTIONS: "Search before you add a note." }),
      server("plain", [guide], { GUIDE_NAME: "plain" }),
      server("broken", ["-e", "process.exit(3)"]),
    ];
    const session = await startAgentTest(addCleanup, {
      script: [reply(text("I will search first."))],
      model: DEFAULT_MODEL,
      homePrefix: "lcc-exercise-s19-",
      createAgent: ({ home, ...context }) =>
        createSessionAgent(
          async (setup) =>
            withServerInstructions(await createMcpSetup(setup, { home, servers, permissions: {} }), 5_000),
          context,
        ),
    });
    await session.run("Add a note about the dentist.");

    const system = JSON.stringify(session.requests()[0]?.body.system);
    expect(system).toContain("# MCP server instructions");
    expect(system).toContain(JSON.stringify("## notes\nSearch before you add a note.").slice(1, -1));
    expect(system).not.toMatch(/## (plain|broken)/);
  });
});
