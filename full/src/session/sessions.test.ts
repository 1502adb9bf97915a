// Sessions end to end: --resume/--continue rebuild the conversation exactly, and a process killed with
// SIGKILL in the middle of a tool call resumes with its pairing intact.
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertPairingInvariant,
  createTempWorkspace,
  type RecordedRequest,
  reply,
  type Script,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { formatSessionTime } from "../terminal/slash-commands.ts";
import { isProcessAlive, runLcc, spawnLcc, waitFor } from "../test-harness.ts";
import { listSessions, SESSION_INTERRUPTED_MESSAGE } from "./session-store.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await createTempWorkspace({ files: { "a.txt": "one\n" }, git: true });
  addCleanup(workspace.cleanup);
  const fake = async (script: Script) => {
    const api = await startFakeApi({ script });
    addCleanup(() => api.close());
    return api;
  };
  return { workspace: workspace.dir, fake };
}

/** Messages as sent, without cache_control (breakpoints move with the tail; content must not). */
function sentMessages(request: RecordedRequest | undefined): unknown {
  return JSON.parse(
    JSON.stringify(request?.body.messages ?? []).replace(/,"cache_control":\{"type":"ephemeral"\}/g, ""),
  );
}

/** The path of the workspace's only session file. */
function onlySessionPath(workspace: string): string {
  const sessionsDir = join(workspace, ".lcc", "sessions");
  const names = readdirSync(sessionsDir).filter((name) => name.endsWith(".jsonl"));
  expect(names).toHaveLength(1);
  return join(sessionsDir, names[0]!);
}

describe("sessions", () => {
  it("--resume <id> and --continue send exactly the saved conversation followed by the new prompt", {
    timeout: 90_000,
  }, async () => {
    const { workspace, fake } = await setup();
    const first = await fake([
      reply(text("Looking."), toolUse("read_file", { path: "a.txt" }, "toolu_s1_read")),
      reply(toolUse("bash", { command: "echo two >> a.txt" }, "toolu_s1_bash")),
      reply(text("Appended a line.")),
    ]);
    const run1 = await runLcc({
      args: ["-p", "append two", "--output-format", "json"],
      cwd: workspace,
      baseURL: first.baseURL,
    });
    const sessionId = (JSON.parse(run1.stdout) as { session_id: string }).session_id;
    const lastOfFirst = first.messageRequests().at(-1);
    const savedConversation = [
      ...(sentMessages(lastOfFirst) as unknown[]),
      { role: "assistant", content: [{ type: "text", text: "Appended a line." }] },
    ];

    const second = await fake([reply(text("Resumed."))]);
    const run2 = await runLcc({
      args: ["-r", sessionId.slice(0, 12), "-p", "and now?", "--output-format", "json"],
      cwd: workspace,
      baseURL: second.baseURL,
    });
    expect(run2.code).toBe(0);
    expect(JSON.parse(run2.stdout)).toMatchObject({ session_id: sessionId, result: "Resumed." });
    expect(sentMessages(second.messageRequests()[0])).toEqual([
      ...savedConversation,
      { role: "user", content: [{ type: "text", text: "and now?" }] },
    ]);

    const third = await fake([reply(text("Continued."))]);
    const run3 = await runLcc({
      args: ["-c", "-p", "once more", "--output-format", "json"],
      cwd: workspace,
      baseURL: third.baseURL,
    });
    expect(JSON.parse(run3.stdout)).toMatchObject({ session_id: sessionId });
    expect((sentMessages(third.messageRequests()[0]) as unknown[]).length).toBe(savedConversation.length + 3);
    assertPairingInvariant([...first.requests, ...second.requests, ...third.requests]);
  });

  it("lists sessions with -r and exits 4 when the session to resume does not exist", {
    timeout: 90_000,
  }, async () => {
    const { workspace, fake } = await setup();
    const none = await runLcc({ args: ["-c", "-p", "x"], cwd: workspace, baseURL: (await fake([])).baseURL });
    expect(none.code).toBe(EXIT_CODES.sessionNotFound);
    const api = await fake([reply(text("hello"))]);
    await runLcc({ args: ["-p", "list me"], cwd: workspace, baseURL: api.baseURL });
    const list = await runLcc({ args: ["-r"], cwd: workspace, baseURL: api.baseURL });
    expect(list.code).toBe(0);
    // One date format for sessions everywhere: the same as /resume's list (slash-commands.test.ts).
    const [saved] = listSessions(join(workspace, ".lcc", "sessions"));
    expect(list.stdout).toBe(`${saved?.id}  ${formatSessionTime(saved?.modifiedMs ?? 0)}  list me\n`);
    const missing = await runLcc({ args: ["-r", "nope", "-p", "x"], cwd: workspace, baseURL: api.baseURL });
    expect(missing.code).toBe(EXIT_CODES.sessionNotFound);
    expect(missing.stderr).toContain('No session matches "nope"');
  });

  it("refuses to continue a session with a corrupt line: exit 4, the file and line named, the file untouched", {
    timeout: 60_000,
  }, async () => {
    const { workspace, fake } = await setup();
    const api = await fake([reply(text("first answer"))]);
    await runLcc({ args: ["-p", "first"], cwd: workspace, baseURL: api.baseURL });
    const sessionsDir = join(workspace, ".lcc", "sessions");
    const [name = ""] = readdirSync(sessionsDir);
    const path = join(sessionsDir, name);
    const lines = readFileSync(path, "utf8").split("\n");
    const corrupted = [lines[0], "{not json", ...lines.slice(1)].join("\n");
    writeFileSync(path, corrupted);
    const run = await runLcc({ args: ["-c", "-p", "again"], cwd: workspace, baseURL: api.baseURL });
    expect(run.code).toBe(EXIT_CODES.sessionNotFound);
    expect(run.stderr).toContain(`Session file ${path} is corrupt at line 2`);
    expect(readFileSync(path, "utf8")).toBe(corrupted);
    expect(api.messageRequests()).toHaveLength(1);
  });

  it("moves a torn last record aside into a .torn file, so every later --continue resumes cleanly", {
    timeout: 90_000,
  }, async () => {
    const { workspace, fake } = await setup();
    const api = await fake([reply(text("first answer")), reply(text("second")), reply(text("third"))]);
    await runLcc({ args: ["-p", "first"], cwd: workspace, baseURL: api.baseURL });
    const path = onlySessionPath(workspace);
    const torn =
      '{"type":"message","message":{"role":"assistant","content":[{"type":"text","text":"half an ans';
    appendFileSync(path, torn);
    const runs = [];
    for (const prompt of ["second", "third"]) {
      const run = await runLcc({ args: ["-c", "-p", prompt], cwd: workspace, baseURL: api.baseURL });
      expect(run.code).toBe(0);
      runs.push(run);
    }
    // The first resume says what it moved aside and where; the next one has nothing to say.
    expect(runs[0]?.stderr).toContain(
      `was cut off by a crash; its ${Buffer.byteLength(torn)} bytes were moved to ${path}.torn`,
    );
    expect(runs[1]?.stderr).toBe("");
    assertPairingInvariant(api.requests);
    expect(sentMessages(api.messageRequests()[2])).toEqual([
      { role: "user", content: [{ type: "text", text: "first" }] },
      { role: "assistant", content: [{ type: "text", text: "first answer" }] },
      { role: "user", content: [{ type: "text", text: "second" }] },
      { role: "assistant", content: [{ type: "text", text: "second" }] },
      { role: "user", content: [{ type: "text", text: "third" }] },
    ]);
    expect(readFileSync(`${path}.torn`, "utf8")).toBe(`${torn}\n`);
    const lines = readFileSync(path, "utf8").split("\n");
    expect(lines.pop()).toBe("");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}.torn`).mode & 0o777).toBe(0o600);
  });

  it("after kill -9 during a tool call, resuming answers the cut-off call as interrupted and keeps pairing", {
    timeout: 90_000,
  }, async () => {
    const { workspace, fake } = await setup();
    const first = await fake([
      reply(
        text("Starting a long job."),
        toolUse("bash", { command: "echo $$ > job.pid; sleep 30" }, "toolu_crash_1"),
      ),
    ]);
    const { child, exited } = spawnLcc({
      args: ["-p", "run the long job", "--permission-mode", "bypassPermissions"],
      cwd: workspace,
      baseURL: first.baseURL,
    });
    const pidFile = join(workspace, "job.pid");
    await waitFor(
      () => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "",
      "the tool call to start",
    );
    child.kill("SIGKILL");
    await exited;
    const jobGroup = Number(readFileSync(pidFile, "utf8"));
    addCleanup(() => {
      try {
        process.kill(-jobGroup, "SIGKILL");
      } catch {
        // already gone
      }
    });

    const second = await fake([reply(text("Picking up where we left off."))]);
    const resumed = await runLcc({
      args: ["-c", "-p", "what happened?", "--output-format", "json"],
      cwd: workspace,
      baseURL: second.baseURL,
    });
    expect(resumed.code).toBe(0);
    assertPairingInvariant(second.requests);
    const messages = sentMessages(second.messageRequests()[0]) as Array<{ role: string; content: unknown }>;
    expect(messages.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    expect(messages[2]?.content).toEqual([
      {
        type: "tool_result",
        tool_use_id: "toolu_crash_1",
        content: SESSION_INTERRUPTED_MESSAGE,
        is_error: true,
      },
      { type: "text", text: "what happened?" },
    ]);
    // The repair itself is in the log, so the file alone replays to the same history.
    const sessions = readdirSync(join(workspace, ".lcc", "sessions"));
    expect(sessions).toHaveLength(1);
    expect(readFileSync(join(workspace, ".lcc", "sessions", sessions[0]!), "utf8")).toContain(
      SESSION_INTERRUPTED_MESSAGE,
    );
  });

  it("on SIGTERM during a tool call, kills the command's process group, keeps the log resumable and exits 143", {
    timeout: 90_000,
  }, async () => {
    const { workspace, fake } = await setup();
    const api = await fake([
      reply(toolUse("bash", { command: "echo $$ > job.pid; sleep 30" }, "toolu_term_1")),
    ]);
    const { child, exited } = spawnLcc({
      args: ["-p", "run it", "--permission-mode", "bypassPermissions"],
      cwd: workspace,
      baseURL: api.baseURL,
    });
    const pidFile = join(workspace, "job.pid");
    await waitFor(
      () => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "",
      "the tool call to start",
    );
    const jobPid = Number(readFileSync(pidFile, "utf8"));
    child.kill("SIGTERM");
    expect((await exited).code).toBe(EXIT_CODES.terminated);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isProcessAlive(jobPid)).toBe(false);
    const path = onlySessionPath(workspace);
    expect(existsSync(`${path}.lock`)).toBe(false);
    const next = await fake([reply(text("ok"))]);
    const resumed = await runLcc({ args: ["-c", "-p", "again"], cwd: workspace, baseURL: next.baseURL });
    expect(resumed.code).toBe(0);
    assertPairingInvariant(next.requests);
  });
});
