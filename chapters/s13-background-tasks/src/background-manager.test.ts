// The manager on real processes and a real temp workspace: group kill checked in the process table,
// the log bounded on disk, each end reported once, ids taken exclusively, no log through a link.
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AgentEvent } from "@lcc/s02";
import { createMessageQueue } from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createBackgroundManager } from "./background-manager.ts";
import { eventually, processesInGroup } from "./test-agent.ts";

const addCleanup = useCleanups();

async function setup(options: { logMaxBytes?: number; killGraceMs?: number } = {}) {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  const queue = createMessageQueue();
  const events: AgentEvent[] = [];
  const manager = createBackgroundManager({
    workspace: workspace.dir,
    queue,
    emit: (event) => events.push(event),
    killGraceMs: 200,
    ...options,
  });
  addCleanup(() => manager.close());
  const ended = (id: string) => eventually(() => manager.get(id)?.status !== "running");
  return { workspace: workspace.dir, queue, events, manager, ended };
}

describe("the background manager", () => {
  it("kills the whole group: afterwards the process table shows nothing of it", async () => {
    const { manager, queue, workspace } = await setup();
    const job = manager.start("sleep 300 & sleep 300 & echo $! > grandchild.pid; wait");
    const pgid = job.pid ?? 0;
    expect(await eventually(() => processesInGroup(pgid).length >= 3)).toBe(true);
    const killed = await manager.kill(job.id);
    expect(killed?.status).toBe("killed");
    expect(await eventually(() => processesInGroup(pgid).length === 0)).toBe(true);
    const grandchild = Number(readFileSync(join(workspace, "grandchild.pid"), "utf8"));
    expect(processesInGroup(pgid)).not.toContain(grandchild);
    // The kill's caller reports the end; nothing is queued for it.
    expect(queue.size()).toBe(0);
  });

  it("queues one <background-results> message per end, with status, exit code, tail and log path", async () => {
    const { manager, queue, events, ended } = await setup();
    const job = manager.start("echo compiling; echo done; exit 3");
    expect(await ended(job.id)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const messages = queue.drain();
    expect(messages).toHaveLength(1);
    expect(messages[0]?.source).toBe("background");
    const content = String(messages[0]?.content);
    expect(content).toMatch(
      /^<background-results>\n<result id="b1" status="failed" exit_code="3" duration="/,
    );
    expect(content).toContain("command: echo compiling; echo done; exit 3");
    expect(content).toContain("log: .lcc/runtime/b1.log");
    expect(content).toContain("compiling\ndone");
    expect(events.map((event) => event.type)).toEqual(["background_start", "background_end"]);
  });

  it("reports an end that a wait was waiting for in the wait, not in the queue", async () => {
    const { manager, queue } = await setup();
    const job = manager.start("sleep 0.2; echo built");
    const waited = await manager.wait(job.id, 10_000);
    expect(waited).toMatchObject({ status: "completed", exitCode: 0 });
    expect(queue.size()).toBe(0);
  });

  it("keeps the log bounded on disk, with the newest output and a marker", async () => {
    const { manager, ended } = await setup({ logMaxBytes: 4096 });
    const job = manager.start("seq 1 20000");
    expect(await ended(job.id)).toBe(true);
    expect(statSync(job.logPath).size).toBeLessThanOrEqual(4096 + 128);
    const log = readFileSync(job.logPath, "utf8");
    expect(log).toMatch(/^\[… \d+ bytes of older output dropped; the log keeps the newest …\]\n/);
    expect(log.endsWith("19999\n20000\n")).toBe(true);
    expect(statSync(job.logPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(job.logPath, "..")).mode & 0o777).toBe(0o700);
  });

  it("takes ids above every log present, so a second process's logs are never reused", async () => {
    const { manager, workspace } = await setup();
    mkdirSync(join(workspace, ".lcc", "runtime"), { recursive: true });
    writeFileSync(join(workspace, ".lcc", "runtime", "b7.log"), "another process\n");
    expect(manager.start("true").id).toBe("b8");
    expect(manager.start("true").id).toBe("b9");
    expect(readFileSync(join(workspace, ".lcc", "runtime", "b7.log"), "utf8")).toBe("another process\n");
  });

  it("writes no log through a symbolic link a repository ships as .lcc/runtime", async () => {
    const { manager, workspace } = await setup();
    const elsewhere = await createTempWorkspace();
    addCleanup(elsewhere.cleanup);
    mkdirSync(join(workspace, ".lcc"));
    symlinkSync(elsewhere.dir, join(workspace, ".lcc", "runtime"));
    expect(() => manager.start("true")).toThrow(/leads through a symbolic link/);
  });

  it("close kills every running group and queues nothing", async () => {
    const { manager, queue } = await setup();
    const first = manager.start("sleep 300");
    const second = manager.start("sleep 300 & wait");
    await manager.close();
    expect(manager.running()).toBe(0);
    expect(processesInGroup(first.pid ?? 0)).toEqual([]);
    expect(processesInGroup(second.pid ?? 0)).toEqual([]);
    expect(queue.size()).toBe(0);
    expect(() => manager.start("true")).toThrow(/closing/);
  });
});
