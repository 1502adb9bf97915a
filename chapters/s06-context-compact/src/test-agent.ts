// Test helper for the s06 end-to-end tests: the real compacting agent against a fresh fake API in a
// temp workspace, cleaned up after each test.
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createCompactSetup } from "./agent.ts";
import type { CompactOptions } from "./compact-options.ts";

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  options?: Partial<CompactOptions>;
}

/**
 * `start({ script, files, options })` for a test file: the s06 session on DEFAULT_MODEL whose fake API
 * and workspace are removed through `addCleanup` after the test. `run(line)` handles a line as the REPL
 * does (a prompt or a slash command such as /compact); `output()` is what the session printed.
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
    const agent = await createSessionAgent((context) => createCompactSetup(context, options), {
      client,
      config,
      workspace,
      output,
    });
    return {
      agent,
      workspace,
      run: (line: string) => agent.handleLine(line, new AbortController().signal),
      requests: () => fake.messageRequests(),
      output: () => output.text(),
    };
  };
}
