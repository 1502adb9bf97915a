// `lcc -p` on a flaky API (s11 integrated): 529s retried with each wait said, the retry kept in the session
// log and as stream-json events; a refused key, a doom loop and --fallback-model each end as they should.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace, faults, reply, type Script, startFakeApi, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

async function setup(script: Script) {
  const workspace = await createTempWorkspace();
  const fake = await startFakeApi({ script });
  addCleanup(workspace.cleanup, () => fake.close());
  const lcc = (args: string[]) => runLcc({ args, cwd: workspace.dir, baseURL: fake.baseURL });
  const sessionRecords = () => {
    const dir = join(workspace.dir, ".lcc", "sessions");
    const [file = ""] = readdirSync(dir).filter((name) => name.endsWith(".jsonl"));
    return readFileSync(join(dir, file), "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string } & Record<string, unknown>);
  };
  return { fake, lcc, sessionRecords };
}

describe("lcc -p with error recovery (s11)", () => {
  it("answers after the API was overloaded twice: each wait on stderr, exit 0, the retries in the session log", {
    timeout: 60_000,
  }, async () => {
    const { fake, lcc, sessionRecords } = await setup([
      faults.overloaded(50),
      faults.overloaded(50),
      reply(text("Here is the answer.")),
    ]);
    const run = await lcc(["-p", "hi"]);
    expect(run.code).toBe(EXIT_CODES.success);
    expect(run.stdout).toBe("Here is the answer.\n");
    expect(run.stderr).toBe("lcc: overloaded, retry 1/6 in 0.1 s\nlcc: overloaded, retry 2/6 in 0.1 s\n");
    expect(fake.messageRequests()).toHaveLength(3);
    const retries = sessionRecords().filter((record) => record.type === "retry");
    expect(retries).toMatchObject([
      { reason: "overloaded", attempt: 1, attempts: 6, delay_ms: 50 },
      { reason: "overloaded", attempt: 2, attempts: 6, delay_ms: 50 },
    ]);
    // The history holds the prompt and the answer once each.
    expect(sessionRecords().filter((record) => record.type === "message")).toHaveLength(2);
  });

  it("reports each retry as a system api_retry event in stream-json", { timeout: 60_000 }, async () => {
    const { lcc } = await setup([faults.rateLimitMs(20), reply(text("ok"))]);
    const run = await lcc(["-p", "hi", "--output-format", "stream-json", "--verbose"]);
    expect(run.code).toBe(EXIT_CODES.success);
    const events = run.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.find((event) => event.subtype === "api_retry")).toMatchObject({
      type: "system",
      attempt: 1,
      max_retries: 4,
      retry_delay_ms: 20,
      error_status: 429,
      error: "rate_limited",
    });
    expect(events.at(-1)).toMatchObject({ type: "result", subtype: "success", result: "ok" });
  });

  it("stops at once on a refused key, naming the variable to fix, exit 1", { timeout: 60_000 }, async () => {
    const { fake, lcc } = await setup([faults.auth(401), reply(text("never"))]);
    const run = await lcc(["-p", "hi", "--output-format", "json"]);
    expect(run.code).toBe(EXIT_CODES.failure);
    const result = JSON.parse(run.stdout) as { errors: string[] };
    expect(result).toMatchObject({ subtype: "error_during_execution", is_error: true, stop_reason: "error" });
    expect(result.errors).toEqual([expect.stringContaining("ANTHROPIC_API_KEY")]);
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it("stops a doom loop with its reason (the same call 4 times, one reminder between), exit 1", {
    timeout: 60_000,
  }, async () => {
    const { fake, lcc, sessionRecords } = await setup(() => reply(toolUse("bash", { command: "echo same" })));
    const run = await lcc([
      "-p",
      "loop",
      "--output-format",
      "json",
      "--permission-mode",
      "bypassPermissions",
    ]);
    expect(run.code).toBe(EXIT_CODES.failure);
    const result = JSON.parse(run.stdout) as { errors: string[] };
    expect(result).toMatchObject({ subtype: "error_during_execution", stop_reason: "stopped", num_turns: 4 });
    expect(result.errors[0]).toMatch(/^stopped: .*bash/);
    expect(fake.messageRequests()).toHaveLength(4);
    expect(JSON.stringify(fake.messageRequests()[3]?.body.messages)).toContain("<system-reminder>");
    expect(sessionRecords().filter((record) => record.type === "continuation")).toMatchObject([
      { reason: "doom_loop", turn: 3 },
    ]);
  });

  it("retries with --fallback-model after 3 overloads in a row", { timeout: 60_000 }, async () => {
    const { fake, lcc } = await setup([
      faults.overloaded(10),
      faults.overloaded(10),
      faults.overloaded(10),
      reply(text("from the fallback")),
    ]);
    const run = await lcc(["-p", "hi", "--model", "claude-main-x", "--fallback-model", "claude-spare-y"]);
    expect(run.code).toBe(EXIT_CODES.success);
    expect(run.stdout).toBe("from the fallback\n");
    expect(fake.messageRequests().map((request) => request.body.model)).toEqual([
      "claude-main-x",
      "claude-main-x",
      "claude-main-x",
      "claude-spare-y",
    ]);
    expect(run.stderr).toContain("retrying with the fallback model claude-spare-y");
  });
});
