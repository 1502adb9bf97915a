// One writer per session: a second lcc resuming a session in use is refused, a kill -9'd holder's
// lock is taken over, and the lock follows the conversation through /clear, /resume and close.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  assertPairingInvariant,
  bundleScript,
  createTempWorkspace,
  type RecordedRequest,
  reply,
  type Script,
  startCli,
  startFakeApi,
  text,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { createTestSession, runLcc, spawnLcc, waitFor } from "../test-harness.ts";
import { resumeSession, SessionInUseError } from "./resume-session.ts";
import { acquireSessionLock, SessionLockedError } from "./session-lock.ts";

const addCleanup = useCleanups();
const lockModule = fileURLToPath(new URL("./session-lock.ts", import.meta.url));

async function setup() {
  const workspace = await createTempWorkspace({ files: { "a.txt": "one\n" } });
  addCleanup(workspace.cleanup);
  const fake = async (script: Script) => {
    const api = await startFakeApi({ script });
    addCleanup(() => api.close());
    return api;
  };
  const sessionsDir = join(workspace.dir, ".lcc", "sessions");
  /** Runs `lcc -p first` so the workspace has one session to continue; returns its file. */
  const firstSession = async () => {
    const api = await fake([reply(text("first answer"))]);
    const run = await runLcc({ args: ["-p", "first"], cwd: workspace.dir, baseURL: api.baseURL });
    expect(run.code).toBe(0);
    const [name = ""] = readdirSync(sessionsDir).filter((entry) => entry.endsWith(".jsonl"));
    return join(sessionsDir, name);
  };
  return { workspace: workspace.dir, sessionsDir, fake, firstSession };
}

/** A script whose first reply waits until `release()` is called. */
function gatedScript(answer: string) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const script: Script = async (_request, index) => {
    if (index === 0) await gate;
    return reply(text(answer));
  };
  return { script, release };
}

/** Roles and texts as sent, without cache_control. */
function sentTexts(request: RecordedRequest | undefined): string[] {
  return (request?.body.messages ?? []).map((message) => {
    const blocks =
      typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
    return `${message.role}: ${blocks.map((block) => ("text" in block ? block.text : block.type)).join(" + ")}`;
  });
}

/** The pid of a process that has exited (and was reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid;
}

describe("session lock", () => {
  it("refuses a second lcc -c while the first is still writing the session, and the session resumes cleanly after", {
    timeout: 90_000,
  }, async () => {
    const { workspace, fake, firstSession } = await setup();
    const path = await firstSession();
    const gated = gatedScript("answer A");
    const api = await fake(gated.script);
    const first = spawnLcc({ args: ["-c", "-p", "A"], cwd: workspace, baseURL: api.baseURL });
    addCleanup(() => first.child.kill("SIGKILL"));
    await waitFor(() => api.messageRequests().length === 1, "the first lcc's request");

    const second = await runLcc({ args: ["-c", "-p", "B"], cwd: workspace, baseURL: api.baseURL });
    expect(second.code).toBe(EXIT_CODES.sessionNotFound);
    expect(second.stderr).toContain(`is in use by another lcc process (pid ${first.child.pid} since `);
    expect(api.messageRequests()).toHaveLength(1);

    gated.release();
    expect((await first.exited).code).toBe(0);
    expect(existsSync(`${path}.lock`)).toBe(false);
    const next = await fake([reply(text("answer C"))]);
    const third = await runLcc({ args: ["-c", "-p", "C"], cwd: workspace, baseURL: next.baseURL });
    expect(third.code).toBe(0);
    expect(sentTexts(next.messageRequests()[0])).toEqual([
      "user: first",
      "assistant: first answer",
      "user: A",
      "assistant: answer A",
      "user: C",
    ]);
    assertPairingInvariant([...api.requests, ...next.requests]);
  });

  it("takes over the lock of an lcc killed with SIGKILL: the next lcc -c resumes at once", {
    timeout: 90_000,
  }, async () => {
    const { workspace, fake, firstSession } = await setup();
    const path = await firstSession();
    const api = await fake(gatedScript("never sent").script);
    const holder = spawnLcc({ args: ["-c", "-p", "A"], cwd: workspace, baseURL: api.baseURL });
    await waitFor(() => api.messageRequests().length === 1, "the holder's request");
    expect(JSON.parse(readFileSync(`${path}.lock`, "utf8"))).toMatchObject({ pid: holder.child.pid });
    holder.child.kill("SIGKILL");
    await holder.exited;
    expect(existsSync(`${path}.lock`)).toBe(true);

    const next = await fake([reply(text("back"))]);
    const resumed = await runLcc({ args: ["-c", "-p", "B"], cwd: workspace, baseURL: next.baseURL });
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(sentTexts(next.messageRequests()[0])).toEqual([
      "user: first",
      "assistant: first answer",
      "user: A + B",
    ]);
    assertPairingInvariant(next.requests);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("holds the lock while a conversation writes and releases it on /clear, /resume and close", async () => {
    const test = await createTestSession([reply(text("one")), reply(text("two"))]);
    addCleanup(test.cleanup);
    const { session } = test;
    await session.runTurn("first", new AbortController().signal);
    const firstPath = session.sessionPath();
    const firstId = session.sessionId();
    expect(JSON.parse(readFileSync(`${firstPath}.lock`, "utf8"))).toMatchObject({ pid: process.pid });
    expect(() => resumeSession(firstPath, firstId)).toThrow(/is already open in this lcc/);

    expect(await session.runCommand("/clear", new AbortController().signal, () => {})).toBe(true);
    expect(existsSync(`${firstPath}.lock`)).toBe(false);
    await session.runTurn("second", new AbortController().signal);
    const secondPath = session.sessionPath();
    expect(existsSync(`${secondPath}.lock`)).toBe(true);

    await session.resume(resumeSession(firstPath, firstId));
    expect(existsSync(`${secondPath}.lock`)).toBe(false);
    expect(existsSync(`${firstPath}.lock`)).toBe(true);
    await session.close();
    expect(existsSync(`${firstPath}.lock`)).toBe(false);
  });

  it("takes a lock whose owner is gone, whose pid was reused, or that is garbage, but not a live one", async () => {
    const { sessionsDir } = await setup();
    mkdirSync(sessionsDir, { recursive: true });
    const path = join(sessionsDir, "s.jsonl");
    const writeLock = (owner: object | string) =>
      writeFileSync(`${path}.lock`, typeof owner === "string" ? owner : JSON.stringify(owner));
    const owner = { hostname: hostname(), acquiredAt: "2025-01-01T00:00:00.000Z", nonce: "n" };

    writeLock({ ...owner, pid: deadPid() });
    acquireSessionLock(path).release();
    writeLock({ ...owner, pid: process.ppid, startTime: "1" });
    acquireSessionLock(path).release();
    writeLock("{not json");
    utimesSync(`${path}.lock`, new Date(0), new Date(0));
    acquireSessionLock(path).release();
    expect(existsSync(`${path}.lock`)).toBe(false);

    writeLock({ ...owner, pid: process.ppid });
    expect(() => acquireSessionLock(path)).toThrow(SessionLockedError);
    writeLock({ ...owner, pid: deadPid(), hostname: "another-host" });
    expect(() => acquireSessionLock(path)).toThrow(/on host another-host/);
    writeFileSync(path, "");
    expect(() => resumeSession(path, "s")).toThrow(SessionInUseError);
    expect(() => resumeSession(path, "s")).toThrow(`If no lcc is using it, delete ${path}.lock.`);
  });

  it("lets exactly one of several processes racing for a stale lock take it", {
    timeout: 30_000,
  }, async () => {
    const { sessionsDir } = await setup();
    mkdirSync(sessionsDir, { recursive: true });
    const path = join(sessionsDir, "s.jsonl");
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), hostname: hostname() }));
    // Plain node on a bundle of the lock module (~0.05 s of CPU a start, not ~1.5 s through tsx). Each racer
    // says "ready" once loaded and spins until the go file exists, so all six try at the same moment.
    const lockBundle = await bundleScript(lockModule);
    const go = `${path}.go`;
    const racer = [
      'import { existsSync } from "node:fs";',
      `const { acquireSessionLock } = await import(${JSON.stringify(pathToFileURL(lockBundle).href)});`,
      "console.log('ready');",
      `while (!existsSync(${JSON.stringify(go)}));`,
      "try { acquireSessionLock(process.argv[1]); console.log('won'); } catch { console.log('lost'); }",
      // Hold on until every racer has tried: a winner that exited early would let a late one win too.
      `while (!existsSync(${JSON.stringify(`${path}.done`)})) await new Promise((resolve) => setTimeout(resolve, 20));`,
    ].join("\n");
    const racers = Array.from({ length: 6 }, () =>
      startCli({
        command: process.execPath,
        args: ["--input-type=module", "-e", racer, path],
        cwd: fileURLToPath(new URL("../..", import.meta.url)),
      }),
    );
    const printed = (started: (typeof racers)[number]) => started.stdout().trim().split("\n");
    await waitFor(() => racers.every((started) => printed(started)[0] === "ready"), "every racer to load");
    writeFileSync(go, "");
    await waitFor(() => racers.every((started) => printed(started).length === 2), "every racer to try");
    writeFileSync(`${path}.done`, "");
    const outcomes = await Promise.all(
      racers.map(async (started) => (await started.exited).stdout.trim().split("\n").slice(1).join(" ")),
    );
    expect(outcomes.sort()).toEqual(["lost", "lost", "lost", "lost", "lost", "won"]);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("releases only its own lock file", async () => {
    const { sessionsDir } = await setup();
    mkdirSync(sessionsDir, { recursive: true });
    const path = join(sessionsDir, "s.jsonl");
    const lock = acquireSessionLock(path);
    const replaced = JSON.stringify({ pid: process.ppid, hostname: hostname() });
    writeFileSync(`${path}.lock`, replaced);
    lock.release();
    expect(readFileSync(`${path}.lock`, "utf8")).toBe(replaced);
  });
});
