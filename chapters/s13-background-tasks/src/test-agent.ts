// Test helper for the s13 tests: the real background agent against a fresh fake API in a temp
// workspace and temp home, its session closed (every background group killed) after the test.
import { execFileSync } from "node:child_process";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, startAgentTest } from "@lcc/testkit/vitest";
import { type BackgroundSetupOptions, createBackgroundSetup } from "./agent.ts";

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  options?: BackgroundSetupOptions;
}

/** A clock for s11's retries that never waits (no test here is about retries). */
const instantRecovery = { sleep: async () => {}, random: () => 0 };

/**
 * `start(options)` for a test file: the s13 session on the fake API. `run(line)` handles a line as the
 * REPL does; `requests()` are the message requests, checked for the pairing invariant; `events` every
 * event since the start. The session is closed after the test, then the workspace removed.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (options: TestAgentOptions) => {
    const events: AgentEvent[] = [];
    const started = await startAgentTest(addCleanup, {
      script: options.script,
      files: options.files ?? {},
      model: DEFAULT_MODEL,
      homePrefix: "lcc-s13-home-",
      async createAgent({ home, ...context }) {
        const setupOptions: BackgroundSetupOptions = {
          permissions: { mode: "bypassPermissions" },
          home,
          recoveryTime: instantRecovery,
          ...options.options,
        };
        const agent = await createSessionAgent(
          (setup) => createBackgroundSetup(setup, setupOptions),
          context,
        );
        agent.subscribe((event) => events.push(event), { replay: false });
        return agent;
      },
    });
    return { ...started, events };
  };
}

/** The pids of every process in group `pgid`, read from the process table (`ps -eo pid,pgid`). */
export function processesInGroup(pgid: number): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,pgid=,stat="], { encoding: "utf8" });
  return table
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, group, stat]) => Number(group) === pgid && !stat?.startsWith("Z"))
    .map(([pid]) => Number(pid));
}

/** Polls until `condition` holds (every 20 ms, up to `ms`); false when it never did. */
export async function eventually(condition: () => boolean, ms = 5000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}
