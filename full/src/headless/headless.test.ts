// Headless mode end to end: the real `lcc -p` process against the fake API — output shapes, exit codes,
// piped stdin, demo fallback — and the pairing invariant on every request it sent.

import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  assertPairingInvariant,
  createTempWorkspace,
  faults,
  reply,
  type Script,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import {
  closedLoopbackURL,
  isProcessAlive,
  type LccRun,
  parseJsonLines,
  runLcc,
  spawnLcc,
  waitFor,
} from "../test-harness.ts";

const addCleanup = useCleanups();

/** The keys of the final result object, json and stream-json alike (sorted); an error adds `errors`. */
const RESULT_KEYS = [
  "cache_hit_rate",
  "duration_api_ms",
  "duration_ms",
  "is_error",
  "model",
  "num_turns",
  "permission_denials",
  "result",
  "session_id",
  "stop_reason",
  "subtype",
  "total_cost_usd",
  "type",
  "usage",
];
const USAGE_KEYS = [
  "cache_creation_input_tokens",
  "cache_read_input_tokens",
  "input_tokens",
  "output_tokens",
];

async function setup(script: Script) {
  const workspace = await createTempWorkspace({ files: { "notes.txt": "alpha\nbeta\n" } });
  const fake = await startFakeApi({ script });
  addCleanup(workspace.cleanup, () => fake.close());
  /** Runs `lcc` in the workspace against the fake. */
  const lcc = (args: string[], options: Pick<LccRun, "stdin"> = {}) =>
    runLcc({ args, cwd: workspace.dir, baseURL: fake.baseURL, ...options });
  /** Starts `lcc` in the workspace against the fake, for tests that signal it or close its output. */
  const spawn = (args: string[]) => {
    const child = spawnLcc({ args, cwd: workspace.dir, baseURL: fake.baseURL });
    addCleanup(() => child.child.kill("SIGKILL"));
    return child;
  };
  return { workspace: workspace.dir, fake, lcc, spawn };
}

describe("lcc -p", () => {
  it("refuses a write without a terminal, naming --permission-mode acceptEdits, and lists the denial", async () => {
    const { fake, lcc, workspace } = await setup([
      reply(toolUse("write_file", { path: "out.txt", content: "hi\n" }, "toolu_write_1")),
      reply(text("I could not write it.")),
    ]);
    const run = await lcc(["-p", "write out.txt", "--output-format", "json"]);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result.permission_denials).toEqual([
      {
        tool_name: "write_file",
        tool_use_id: "toolu_write_1",
        tool_input: { path: "out.txt", content: "hi\n" },
      },
    ]);
    const answer = fake.messageRequests()[1]?.body.messages.at(-1)?.content as Array<{ content?: unknown }>;
    expect(String(answer[0]?.content)).toContain("--permission-mode acceptEdits");
    expect(existsSync(join(workspace, "out.txt"))).toBe(false);
    assertPairingInvariant(fake.requests);
  });

  it("makes the edit with --permission-mode acceptEdits", async () => {
    const { lcc, workspace } = await setup([
      reply(toolUse("write_file", { path: "out.txt", content: "hi\n" })),
      reply(text("Written.")),
    ]);
    const run = await lcc([
      "-p",
      "write out.txt",
      "--permission-mode",
      "acceptEdits",
      "--output-format",
      "json",
    ]);
    expect(JSON.parse(run.stdout)).toMatchObject({ subtype: "success", permission_denials: [] });
    expect(readFileSync(join(workspace, "out.txt"), "utf8")).toBe("hi\n");
  });

  it("prints one claude-style result object with usage, cache statistics and cost for --output-format json", async () => {
    const { fake, lcc } = await setup([
      reply(text("Reading."), toolUse("read_file", { path: "notes.txt" }, "toolu_json_1")),
      reply(text("The notes say alpha and beta.")),
    ]);
    const run = await lcc(["-p", "what do the notes say?", "--output-format", "json"]);
    expect(run.code).toBe(EXIT_CODES.success);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      type: "result",
      subtype: "success",
      is_error: false,
      num_turns: 2,
      result: "The notes say alpha and beta.",
      stop_reason: "end_turn",
    });
    // Scripts parse this object: its keys are a contract.
    expect(Object.keys(result).sort()).toEqual(RESULT_KEYS);
    expect(Object.keys(result.usage as object).sort()).toEqual(USAGE_KEYS);
    expect(result.session_id).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(typeof result.duration_ms).toBe("number");
    expect(typeof result.total_cost_usd).toBe("number");
    const usage = result.usage as Record<string, number>;
    expect(usage.output_tokens).toBeGreaterThan(0);
    expect(usage.cache_read_input_tokens).toBeGreaterThan(0);
    expect(result.cache_hit_rate).toBeGreaterThan(0);
    const messages = fake.messageRequests();
    expect(messages).toHaveLength(2);
    assertPairingInvariant(fake.requests);
  });

  it("streams one JSON event per line for stream-json: init, assistant, tool results, then the result", async () => {
    const { workspace, fake, lcc } = await setup([
      reply(toolUse("bash", { command: "echo streamed" }, "toolu_stream_1")),
      reply(text("Done.")),
    ]);
    const run = await lcc(["-p", "run echo", "--output-format=stream-json"]);
    expect(run.code).toBe(0);
    const events = parseJsonLines(run.stdout);
    expect(events.map((event) => event.type)).toEqual(["system", "assistant", "user", "assistant", "result"]);
    expect(events[0]).toMatchObject({
      subtype: "init",
      cwd: workspace,
      tools: expect.arrayContaining(["bash", "read_file"]),
    });
    const toolResult = (events[2]?.message as { content: Array<Record<string, unknown>> } | undefined)
      ?.content[0];
    expect(toolResult).toMatchObject({ type: "tool_result", tool_use_id: "toolu_stream_1", is_error: false });
    expect(String(toolResult?.content)).toContain("streamed");
    expect(Object.keys(events[0] ?? {}).sort()).toEqual([
      "cwd",
      "demo",
      "mcp_servers",
      "model",
      "session_id",
      "subtype",
      "tools",
      "type",
    ]);
    expect(Object.keys(events[1] ?? {}).sort()).toEqual(["message", "session_id", "type"]);
    expect(Object.keys(events[2] ?? {}).sort()).toEqual(["message", "session_id", "type"]);
    expect(events[4]).toMatchObject({ type: "result", subtype: "success", result: "Done.", num_turns: 2 });
    expect(Object.keys(events[4] ?? {}).sort()).toEqual(RESULT_KEYS);
    assertPairingInvariant(fake.requests);
  });

  it("prints only the answer in text format and appends piped stdin to the prompt", async () => {
    const { fake, lcc } = await setup([reply(text("It is a list of two words."))]);
    const run = await lcc(["-p", "describe this"], { stdin: "gamma\ndelta\n" });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("It is a list of two words.\n");
    const sent = JSON.stringify(fake.messageRequests()[0]?.body.messages);
    expect(sent).toContain("describe this");
    expect(sent).toContain("gamma\\ndelta");
  });

  it("reads the whole prompt from stdin when -p has no argument", async () => {
    const { fake, lcc } = await setup([reply(text("ok"))]);
    const run = await lcc(["-p"], { stdin: "prompt from a pipe\n" });
    expect(run.code).toBe(0);
    expect(JSON.stringify(fake.messageRequests()[0]?.body.messages)).toContain("prompt from a pipe");
  });

  it("exits 3 with subtype error_max_turns when --max-turns is reached, results still paired", async () => {
    const { fake, lcc } = await setup(() =>
      reply(text("Still looping."), toolUse("bash", { command: "true" }, `toolu_loop_${Math.random()}`)),
    );
    const run = await lcc(["-p", "loop", "--max-turns", "2", "--output-format", "json"]);
    expect(run.code).toBe(EXIT_CODES.maxTurns);
    expect(JSON.parse(run.stdout)).toMatchObject({
      subtype: "error_max_turns",
      is_error: true,
      num_turns: 2,
    });
    expect(fake.messageRequests()).toHaveLength(2);
    assertPairingInvariant(fake.requests);
    const textRun = await lcc(["-p", "loop", "--max-turns", "1"]);
    expect(textRun.code).toBe(EXIT_CODES.maxTurns);
    expect(textRun.stderr).toContain("lcc: stopped after 1 model request (--max-turns)");
  });

  it("exits 1 with is_error and the API's message when the model request fails", async () => {
    const { lcc } = await setup([faults.auth()]);
    const run = await lcc(["-p", "hi", "--output-format", "json"]);
    expect(run.code).toBe(EXIT_CODES.failure);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ subtype: "error_during_execution", is_error: true });
    expect(String(result.result)).toMatch(/401|auth/i);
  });

  it("names the endpoint it could not reach and the reason, in text and json output, and exits 1", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace();
    addCleanup(workspace.cleanup);
    const baseURL = await closedLoopbackURL();
    const expected = `Connection error: could not reach ${baseURL}/v1/messages (ECONNREFUSED)`;
    const env = { LCC_MAX_RETRIES: "0" };
    const textRun = await runLcc({ args: ["-p", "hi"], cwd: workspace.dir, baseURL, env });
    expect(textRun.code).toBe(EXIT_CODES.failure);
    expect(textRun.stderr).toBe(`lcc: ${expected}\n`);
    expect(textRun.stdout).toBe("");
    const jsonRun = await runLcc({
      args: ["-p", "hi", "--output-format", "json"],
      cwd: workspace.dir,
      baseURL,
      env,
    });
    expect(jsonRun.code).toBe(EXIT_CODES.failure);
    expect(JSON.parse(jsonRun.stdout)).toMatchObject({ subtype: "error_during_execution", result: expected });
  });

  it("continues a reply cut by max_tokens (s11) and prints the whole answer, exit 0", {
    timeout: 60_000,
  }, async () => {
    const cut = { content: [text("The answer starts here and ")], stop_reason: "max_tokens" as const };
    const { fake, lcc } = await setup([cut, reply(text("ends here."))]);
    const run = await lcc(["-p", "explain everything"]);
    expect(run.code).toBe(EXIT_CODES.success);
    expect(run.stdout).toBe("The answer starts here and ends here.\n");
    expect(run.stderr).toBe("lcc: reply cut off at the output token limit: asking the model to continue\n");
    expect(fake.messageRequests()).toHaveLength(2);
  });

  it("after 3 continuations still cut off: keeps the text so far, reports stop_reason max_tokens and exits 1", {
    timeout: 60_000,
  }, async () => {
    const { fake, lcc } = await setup((_request, index) => ({
      content: [text(`[${index}]`)],
      stop_reason: "max_tokens",
    }));
    const textRun = await lcc(["-p", "explain everything"]);
    expect(textRun.code).toBe(EXIT_CODES.failure);
    expect(textRun.stdout).toBe("[0][1][2][3]\n");
    expect(textRun.stderr).toContain("lcc: the reply hit the output token limit (MAX_TOKENS)");
    const jsonRun = await lcc(["-p", "explain everything", "--output-format", "json"]);
    expect(jsonRun.code).toBe(EXIT_CODES.failure);
    expect(JSON.parse(jsonRun.stdout)).toMatchObject({
      subtype: "error_during_execution",
      is_error: true,
      stop_reason: "max_tokens",
      result: "[4][5][6][7]",
      num_turns: 4,
      errors: [expect.stringContaining("still cut off after 3 continuations")],
    });
    expect(fake.messageRequests()).toHaveLength(8);
  });

  it("on Ctrl-C (SIGINT) kills the running command, prints an error_interrupted result and exits 130", {
    timeout: 60_000,
  }, async () => {
    const { workspace, fake, spawn } = await setup([
      reply(toolUse("bash", { command: "echo $$ > job.pid; sleep 30" }, "toolu_int_1")),
    ]);
    const lcc = spawn(["-p", "run it", "--output-format", "json", "--permission-mode", "bypassPermissions"]);
    const pidFile = join(workspace, "job.pid");
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "", "the command");
    const jobPid = Number(readFileSync(pidFile, "utf8"));
    lcc.child.kill("SIGINT");
    const { code, stdout } = await lcc.exited;
    expect(code).toBe(EXIT_CODES.interrupted);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ subtype: "error_interrupted", is_error: true, stop_reason: "aborted" });
    expect(Object.keys(result).sort()).toEqual([...RESULT_KEYS, "errors"].sort());
    await waitFor(() => !isProcessAlive(jobPid), "the command to be killed");
    assertPairingInvariant(fake.requests);
  });

  it("stops quietly with exit code 141 (outputClosed) when the reader of its output goes away", {
    timeout: 60_000,
  }, async () => {
    const { spawn } = await setup([
      reply(toolUse("bash", { command: "sleep 1; echo slept" }, "toolu_pipe_1")),
      reply(text("done")),
    ]);
    const lcc = spawn(["-p", "hi", "--output-format", "stream-json"]);
    await waitFor(() => lcc.stdout().includes("\n"), "the init event");
    lcc.child.stdout.destroy();
    const { code, stderr } = await lcc.exited;
    expect(code).toBe(EXIT_CODES.outputClosed);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at .*\.ts:\d+/);
  });

  it("reports the setup's warnings (a SKILL.md it skipped) on stderr, keeping stdout to the answer", async () => {
    const { workspace, lcc } = await setup([reply(text("fine"))]);
    await mkdir(join(workspace, "skills", "broken"), { recursive: true });
    await writeFile(join(workspace, "skills", "broken", "SKILL.md"), "no frontmatter\n");
    const run = await lcc(["-p", "hi"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("fine\n");
    expect(run.stderr).toMatch(/^lcc: warning: Skipped .*skills\/broken\/SKILL\.md: /m);
  });

  it("exits 2 on a bad command line and on -p without any prompt", { timeout: 90_000 }, async () => {
    const { fake, lcc } = await setup([]);
    const bad = await lcc(["--output-format", "yaml", "-p", "x"]);
    expect(bad.code).toBe(EXIT_CODES.usage);
    expect(bad.stderr).toContain("--output-format must be one of text, json, stream-json");
    const empty = await lcc(["-p"], { stdin: "" });
    expect(empty.code).toBe(EXIT_CODES.usage);
    expect(empty.stderr).toContain("-p needs a prompt");
    const missing = await lcc(["-p", "x", "--cwd", "does-not-exist"]);
    expect(missing.code).toBe(EXIT_CODES.usage);
    expect(fake.requests).toHaveLength(0);
  });

  it("documents every exit code in --help and prints the version", async () => {
    const { workspace } = await setup([]);
    const help = await runLcc({ args: ["--help"], cwd: workspace });
    expect(help.code).toBe(0);
    for (const code of Object.values(EXIT_CODES))
      expect(help.stdout).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, "m"));
    for (const flag of [
      "--output-format",
      "--max-turns",
      "--model",
      "--cwd",
      "--demo",
      "--continue",
      "--resume",
      "--mcp-config",
      "--strict-mcp-config",
    ]) {
      expect(help.stdout).toContain(flag);
    }
    const version = await runLcc({ args: ["--version"], cwd: workspace });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+ \(lcc\) commit [0-9a-f]{12}(-dirty)?\n$/);
  });
});
