// Test helper for the s06 end-to-end tests: the real compacting agent against a fresh fake API in a
// temp workspace, cleaned up after each test.
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createCompactAgent } from "./agent.ts";
import type { CompactOptions } from "./compact-options.ts";

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  options?: Partial<CompactOptions>;
}

/**
 * `start({ script, files, options })` for a test file: a compacting agent on DEFAULT_MODEL whose fake
 * API and workspace are removed through `addCleanup` after the test; `output()` is what it printed.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async ({ script, files = {}, options = {} }: TestAgentOptions) => {
    const { fake, workspace, client, config, cleanup } = await startFakeModel({
      script,
      files,
      model: DEFAULT_MODEL,
    });
    addCleanup(cleanup);
    const output = captureOutput();
    const agent = createCompactAgent({ client, config, workspace, output }, options);
    return {
      agent,
      workspace,
      run: (prompt: string) => agent.runTurn(prompt, new AbortController().signal),
      requests: () => fake.messageRequests(),
      output: () => output.text(),
    };
  };
}
