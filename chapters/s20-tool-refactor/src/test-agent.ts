// Test helper for the s20 tests: the real s20 session (every chapter's capabilities on the router) on the fake
// API in a temp workspace and temp home, its events recorded.
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, startAgentTest } from "@lcc/testkit/vitest";
import { createRouterSetup, type RouterSetup, type RouterSetupOptions } from "./agent.ts";

export interface TestRouterOptions {
  script: Script;
  files?: Record<string, string>;
  options?: RouterSetupOptions;
}

/**
 * `start(options)` for a test file: `run(line)` handles a line as the REPL does, `requests()` are the model
 * requests (pairing checked), `events` every event of the session, `setup()` the session's current setup,
 * `output()` what it printed. Permissions: acceptEdits, cron_create allowed (no terminal answers a question).
 */
export function testRouterSetup(addCleanup: AddCleanup) {
  return async (options: TestRouterOptions) => {
    const events: AgentEvent[] = [];
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
        const agent = await createSessionAgent<RouterSetup>(
          (setup) => createRouterSetup(setup, setupOptions),
          context,
        );
        agent.subscribe((event) => events.push(event), { replay: false });
        return agent;
      },
    });
    return { ...started, events, setup: () => started.agent.setup };
  };
}
