// `lcc -p` when a reply breaks off mid-stream: the real process against the fake API's stream faults
// says in one line what happened and what to do, in text and json output, with nothing from the SDK.

import { createTempWorkspace, type FakeReply, faults, startFakeApi } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

/**
 * Runs `lcc -p hi` with `args` against a fake API that answers every request with `fault`; s11's retries
 * are off (LCC_MAX_RETRIES=0) unless `env` says otherwise.
 */
async function runAgainst(fault: FakeReply, args: string[], env: Record<string, string> = {}) {
  const workspace = await createTempWorkspace();
  const fake = await startFakeApi({ script: () => fault });
  addCleanup(workspace.cleanup, () => fake.close());
  const run = await runLcc({
    args: ["-p", "hi", ...args],
    cwd: workspace.dir,
    baseURL: fake.baseURL,
    env: { LCC_MAX_RETRIES: "0", ...env },
  });
  return { ...run, endpoint: `${fake.baseURL}/v1/messages` };
}

const cases = [
  {
    name: "a dropped connection",
    fault: faults.dropMidStream(),
    expected: (endpoint: string) =>
      `The connection to ${endpoint} dropped in the middle of the reply (terminated); the partial reply was not kept. Retry the prompt.`,
  },
  {
    name: "an SSE error event",
    fault: faults.sseError("overloaded_error", "Overloaded"),
    expected: () =>
      "The API reported an error in the stream: overloaded_error: Overloaded; the partial reply was not kept. Retry the prompt.",
  },
  {
    name: "an event that is not JSON",
    fault: faults.malformedStream(),
    expected: (endpoint: string) =>
      `The API sent a stream lcc could not read (invalid JSON in an event from ${endpoint}); the partial reply was not kept. Retry the prompt.`,
  },
];

describe("lcc -p when the reply breaks off mid-stream", () => {
  it.each(cases)(
    "says what happened after $name, in text format, on stderr alone, and exits 1",
    {
      timeout: 60_000,
    },
    async ({ fault, expected }) => {
      const run = await runAgainst(fault, []);
      expect(run.code).toBe(EXIT_CODES.failure);
      expect(run.stderr).toBe(`lcc: ${expected(run.endpoint)}\n`);
      expect(run.stdout).toBe("");
    },
  );

  it.each(cases)(
    "says what happened after $name as the json result, with an empty stderr",
    {
      timeout: 60_000,
    },
    async ({ fault, expected }) => {
      const run = await runAgainst(fault, ["--output-format", "json"]);
      expect(run.code).toBe(EXIT_CODES.failure);
      expect(JSON.parse(run.stdout)).toMatchObject({
        subtype: "error_during_execution",
        is_error: true,
        stop_reason: "error",
        result: expected(run.endpoint),
      });
      expect(run.stderr).toBe("");
    },
  );

  it("retries it first (s11), saying each wait on stderr, then says how often it tried", {
    timeout: 60_000,
  }, async () => {
    const run = await runAgainst(faults.dropMidStream(), [], { LCC_MAX_RETRIES: "1" });
    expect(run.code).toBe(EXIT_CODES.failure);
    const [retry, failure, ...rest] = run.stderr.trimEnd().split("\n");
    expect(retry).toMatch(/^lcc: stream cut off, retry 1\/1 in 1 s$/);
    expect(failure).toBe(`lcc: Gave up after 1 retry: ${cases[0]?.expected(run.endpoint)}`);
    expect(rest).toEqual([]);
  });
});
