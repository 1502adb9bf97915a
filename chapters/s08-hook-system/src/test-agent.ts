// Test helper for the s08 end-to-end tests: the real hook agent against a fresh fake API in a temp
// workspace with its own home folder (settings and trust file), cleaned up after each test.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AskUser, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, agentTestHandles, captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createHookSetup, type HookSetupOptions } from "./agent.ts";

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  /** The `hooks` section of the workspace's .claude/settings.json. */
  hooks?: Record<string, unknown>;
  /** The `permissions` section of the workspace's .claude/settings.json (s07 rules). */
  permissions?: Record<string, unknown>;
  /** The `hooks` section of ~/.claude/settings.json (the test's home). */
  userHooks?: Record<string, unknown>;
  options?: HookSetupOptions;
  ask?: AskUser;
  home?: string;
}

/** s07's mode for tests that are about hooks, not permission prompts: file edits run without asking. */
export const EDITS_ALLOWED: HookSetupOptions = { permissions: { mode: "acceptEdits" } };

/** One hook entry: `{ matcher, hooks: [{ type: "command", command, timeout }] }`. */
export function hookEntry(command: string, matcher = "", timeout?: number) {
  return { matcher, hooks: [{ type: "command", command, ...(timeout ? { timeout } : {}) }] };
}

/** A fresh home folder for a test (removed after it). */
export async function makeHome(addCleanup: AddCleanup): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), "lcc-s08-home-"));
  addCleanup(() => rm(home, { recursive: true, force: true }));
  return home;
}

/**
 * `start(options)` for a test file: the s08 session whose fake API, workspace and home are removed after
 * the test. `run(line)` handles a line as the REPL does; `requests()` are the model requests, each
 * checked for the pairing invariant.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (options: TestAgentOptions) => {
    const home = options.home ?? (await makeHome(addCleanup));
    const files = { ...options.files };
    if (options.hooks || options.permissions)
      files[".claude/settings.json"] = JSON.stringify({
        hooks: options.hooks,
        permissions: options.permissions,
      });
    const { fake, workspace, client, config, cleanup } = await startFakeModel({
      script: options.script,
      files,
      model: DEFAULT_MODEL,
    });
    addCleanup(cleanup);
    if (options.userHooks) {
      await mkdir(join(home, ".claude"), { recursive: true });
      await writeFile(join(home, ".claude/settings.json"), JSON.stringify({ hooks: options.userHooks }));
    }
    const output = captureOutput();
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, LCC_HOME: join(workspace, ".lcc") };
    const agent = await createSessionAgent(
      (context) => createHookSetup(context, options.options ?? EDITS_ALLOWED),
      {
        client,
        config,
        workspace,
        output,
        env,
        ...(options.ask ? { ask: options.ask } : {}),
      },
    );
    const events: Array<{ type: string } & Record<string, unknown>> = [];
    agent.subscribe((event) => events.push(event as { type: string } & Record<string, unknown>), {
      replay: false,
    });
    return {
      agent,
      workspace,
      home,
      events,
      ...agentTestHandles(agent, fake, output),
    };
  };
}
