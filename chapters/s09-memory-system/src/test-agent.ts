// Test helper for the s09 end-to-end tests: the real memory agent against a fresh fake API, in a temp
// workspace with its own home folder (user memories), cleaned up after each test. A second session on
// the same workspace and home is one more `start` call with the same `workspace` and `home`.
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, systemPromptText } from "@lcc/s02";
import { createTempWorkspace, type RecordedRequest, type Script, startFakeApi } from "@lcc/testkit";
import {
  type AddCleanup,
  agentTestHandles,
  captureOutput,
  createFakeClient,
  makeTempFolder,
} from "@lcc/testkit/vitest";
import { createMemorySetup, type MemorySetupOptions } from "./agent.ts";

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  /** An existing workspace (a second session); default a fresh temp one with `files`. */
  workspace?: string;
  /** An existing home (a second session); default a fresh temp one. */
  home?: string;
  options?: MemorySetupOptions;
}

/** The system prompt of a recorded request as one text. */
export function systemOf(request: RecordedRequest): string {
  const system = request.body.system;
  return system === undefined ? "" : systemPromptText(system as Parameters<typeof systemPromptText>[0]);
}

/**
 * `start(options)` for a test file: an s09 session (s07 in acceptEdits mode, no question asked) whose
 * fake API, workspace and home are removed after the test. `run(line)` handles a line as the REPL
 * does; `requests()` are the model requests, each checked for the pairing invariant.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (options: TestAgentOptions) => {
    const home = options.home ?? (await makeTempFolder(addCleanup, "lcc-s09-home-"));
    let workspace = options.workspace;
    if (!workspace) {
      const temp = await createTempWorkspace({ files: options.files ?? {} });
      addCleanup(temp.cleanup);
      workspace = temp.dir;
    }
    const fake = await startFakeApi({ script: options.script });
    addCleanup(() => fake.close());
    const { client, config } = createFakeClient(fake, { model: DEFAULT_MODEL });
    const output = captureOutput();
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home };
    const agent = await createSessionAgent(
      (context) => createMemorySetup(context, options.options ?? { permissions: { mode: "acceptEdits" } }),
      { client, config, workspace, output, env },
    );
    const events: Array<{ type: string } & Record<string, unknown>> = [];
    agent.subscribe((event) => events.push(event as { type: string } & Record<string, unknown>));
    return {
      agent,
      workspace,
      home,
      events,
      ...agentTestHandles(agent, fake, output),
    };
  };
}
