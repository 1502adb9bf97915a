// Test helper for the s20 tests: the real s20 session (every chapter's capabilities on the router) on the fake
// API in a temp workspace and temp home, its events recorded; optionally with a tiny real MCP server.
import { fileURLToPath } from "node:url";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent, type SetupContext } from "@lcc/s02";
import { type ConfiguredServer, fingerprintOf, type McpSetup } from "@lcc/s19";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, startAgentTest } from "@lcc/testkit/vitest";
import { createRouterSetup, type RouterSetupOptions } from "./agent.ts";

/** `tiny` over stdio (fixtures/tiny-mcp-server.mjs): `lookup` (readOnlyHint) and `drop_table` (destructiveHint). */
export function tinyMcpServer(): ConfiguredServer {
  const script = fileURLToPath(new URL("./fixtures/tiny-mcp-server.mjs", import.meta.url));
  const config = { type: "stdio" as const, command: process.execPath, args: [script], env: {} };
  return { name: "tiny", scope: "flag", source: "test", config, fingerprint: fingerprintOf(config) };
}

export interface TestRouterOptions<Setup extends McpSetup> {
  script: Script;
  files?: Record<string, string>;
  options?: RouterSetupOptions;
  /** The setup to run (default s20's createRouterSetup; s19's createMcpSetup to compare). */
  createSetup?: (context: SetupContext, options: RouterSetupOptions) => Promise<Setup>;
}

/**
 * `start(options)` for a test file: `run(line)` handles a line as the REPL does, `requests()` are the model
 * requests (pairing checked), `events` every event of the session, `agent` the session (its `setup`, its
 * `resolved.registry`), `output()` what it printed. Permissions: acceptEdits, cron_create allowed (no terminal
 * answers a question). MCP servers, when given, are closed with the session after the test.
 */
export function testRouterSetup(addCleanup: AddCleanup) {
  return async <Setup extends McpSetup = Awaited<ReturnType<typeof createRouterSetup>>>(
    options: TestRouterOptions<Setup>,
  ) => {
    const events: AgentEvent[] = [];
    const create =
      options.createSetup ?? (createRouterSetup as unknown as NonNullable<typeof options.createSetup>);
    const started = await startAgentTest(addCleanup, {
      script: options.script,
      files: options.files ?? {},
      model: DEFAULT_MODEL,
      homePrefix: "lcc-s20-home-",
      async createAgent({ home, ...context }) {
        const setupOptions: RouterSetupOptions = {
          permissions: { mode: "acceptEdits", allowedTools: ["cron_create"] },
          home,
          ...options.options,
        };
        const agent = await createSessionAgent<Setup>((setup) => create(setup, setupOptions), context);
        agent.subscribe((event) => events.push(event), { replay: false });
        return agent;
      },
    });
    return { ...started, events, setup: () => started.agent.setup };
  };
}
