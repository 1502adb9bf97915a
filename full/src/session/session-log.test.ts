// The session log: history changes become records, and replaying the records rebuilds the same
// history — including joined user content, rewrites, torn last lines and a turn cut by a crash.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { appendUserContent, type MessageParam } from "@lcc/s01";
import { pairingProblems } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { resumeSession } from "./resume-session.ts";
import { createHistoryRecorder, createSessionId, createSessionLog } from "./session-log.ts";
import {
  findSession,
  listSessions,
  loadSession,
  repairInterruptedTurn,
  SessionReadError,
} from "./session-store.ts";

const addCleanup = useCleanups();

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), "lcc-sessions-"));
  addCleanup(() => rm(dir, { recursive: true, force: true }));
  const id = createSessionId(new Date(2025, 0, 2, 15, 4, 5), () => 0.5);
  const log = createSessionLog(dir, id);
  return { dir, id, log };
}

describe("session log", () => {
  it("names sessions so they sort by time", () => {
    expect(createSessionId(new Date(2025, 0, 2, 15, 4, 5), () => 0)).toBe("20250102-150405-000000");
  });

  it("records pushes, joined user content and rewrites, and replays them to the identical history", async () => {
    const { dir, id, log } = await setup();
    const recorder = createHistoryRecorder();
    const messages: MessageParam[] = [];
    const sync = () => {
      for (const entry of recorder.sync(messages)) log.write(entry);
    };
    appendUserContent(messages, "hello");
    sync();
    messages.push({
      role: "assistant",
      content: [{ type: "tool_use", id: "t1", name: "bash", input: { command: "ls" } }],
    });
    sync();
    appendUserContent(messages, [{ type: "tool_result", tool_use_id: "t1", content: "a.txt" }]);
    sync();
    appendUserContent(messages, "<system-reminder>joined</system-reminder>");
    sync();
    messages.push({ role: "assistant", content: [{ type: "text", text: "done" }] });
    sync();
    log.close();
    const records = (await readFile(join(dir, `${id}.jsonl`), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).type);
    expect(records).toEqual(["message", "message", "message", "append", "message"]);
    expect(loadSession(join(dir, `${id}.jsonl`), id).messages).toEqual(messages);

    const rewritten: MessageParam[] = [{ role: "user", content: "summary of earlier work" }];
    expect(recorder.sync(rewritten)).toEqual([{ type: "history", messages: rewritten }]);
  });

  it("compares each sync with the history as last recorded, so a block swapped in place is not lost", () => {
    // The recorder keeps the snapshots of unchanged messages instead of re-taking the whole history
    // on every sync (that was most of a long session's per-turn garbage); the snapshot of the last
    // message therefore still holds the blocks that were recorded, and the swap shows up as a rewrite.
    const recorder = createHistoryRecorder();
    const content: Anthropic.ContentBlockParam[] = [{ type: "text", text: "first" }];
    const messages: MessageParam[] = [{ role: "user", content }];
    expect(recorder.sync(messages)).toEqual([{ type: "message", message: messages[0] }]);
    content[0] = { type: "text", text: "swapped" };
    expect(recorder.sync(messages)).toEqual([]);
    content.push({ type: "text", text: "joined" });
    expect(recorder.sync(messages)).toEqual([{ type: "history", messages }]);
  });

  it("ignores a torn last line but reports a corrupt line in the middle and leaves the file alone", async () => {
    const { dir } = await setup();
    const good = JSON.stringify({ type: "message", message: { role: "user", content: "hi" } });
    const torn = join(dir, "torn.jsonl");
    await writeFile(torn, `${good}\n{"type":"mess`);
    expect(loadSession(torn, "torn").messages).toEqual([
      { role: "user", content: [{ type: "text", text: "hi" }] },
    ]);
    const corrupt = join(dir, "corrupt.jsonl");
    const text = `${good}\nnot json\n${good}\n`;
    await writeFile(corrupt, text);
    expect(() => loadSession(corrupt, "corrupt")).toThrow(SessionReadError);
    expect(() => loadSession(corrupt, "corrupt")).toThrow(/corrupt at line 2/);
    expect(await readFile(corrupt, "utf8")).toBe(text);
  });

  it("resuming moves a torn last line to .torn, completes a whole last record, and leaves a corrupt file alone", async () => {
    const { dir } = await setup();
    const good = JSON.stringify({ type: "message", message: { role: "user", content: "hi" } });
    const hi = { role: "user", content: [{ type: "text", text: "hi" }] };
    const torn = join(dir, "torn.jsonl");
    // Cut inside the two bytes of "é": the bytes kept must be exactly the bytes written.
    const cut = Buffer.from('{"type":"message","message":{"role":"assistant","content":"caf\u00e9');
    const cutBytes = cut.subarray(0, -1);
    await writeFile(torn, Buffer.concat([Buffer.from(`${good}\n`), cutBytes]));
    const resumed = resumeSession(torn, "torn");
    resumed.lock?.release();
    expect(resumed.messages).toEqual([hi]);
    expect(resumed.tornTail).toEqual({ path: `${torn}.torn`, bytes: cutBytes.length });
    expect(await readFile(torn, "utf8")).toBe(`${good}\n`);
    expect(await readFile(`${torn}.torn`)).toEqual(Buffer.concat([cutBytes, Buffer.from("\n")]));

    const whole = join(dir, "whole.jsonl");
    await writeFile(whole, `${good}\n${good}`);
    const completed = resumeSession(whole, "whole");
    completed.lock?.release();
    expect(completed.messages).toEqual([{ role: "user", content: [...hi.content, ...hi.content] }]);
    expect(await readFile(whole, "utf8")).toBe(`${good}\n${good}\n`);

    const corrupt = join(dir, "corrupt.jsonl");
    const text = `${good}\nnot json\n${good}\n{"type":"mess`;
    await writeFile(corrupt, text);
    expect(() => resumeSession(corrupt, "corrupt")).toThrow(`Session file ${corrupt} is corrupt at line 2`);
    expect(await readFile(corrupt, "utf8")).toBe(text);
    expect(existsSync(`${corrupt}.torn`)).toBe(false);
    expect(existsSync(`${corrupt}.lock`)).toBe(false);
  });

  it("creates the session file readable by its owner only", async () => {
    const { log } = await setup();
    log.write({ type: "turn_result", reason: "end", turns: 1 });
    log.close();
    expect((await stat(log.path)).mode & 0o777).toBe(0o600);
  });

  it("answers the tool calls of a turn cut off mid-tool as interrupted, keeping the pairing invariant", () => {
    const messages: MessageParam[] = [
      { role: "user", content: "go" },
      {
        role: "assistant",
        content: [
          { type: "tool_use", id: "a", name: "bash", input: {} },
          { type: "tool_use", id: "b", name: "bash", input: {} },
        ],
      },
    ];
    expect(repairInterruptedTurn(messages)).toEqual(["a", "b"]);
    appendUserContent(messages, "next prompt");
    expect(pairingProblems(messages)).toEqual([]);
    expect(repairInterruptedTurn(messages)).toEqual([]);
  });

  it("lists sessions newest first with their first prompt and finds one by unique prefix", async () => {
    const { dir } = await setup();
    const line = (text: string) =>
      `${JSON.stringify({ type: "message", message: { role: "user", content: text } })}\n`;
    await writeFile(join(dir, "20250101-000000-aaaaaa.jsonl"), line("older prompt"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(join(dir, "20250102-000000-bbbbbb.jsonl"), line("newer prompt"));
    const sessions = listSessions(dir);
    expect(sessions.map((session) => [session.id, session.firstPrompt])).toEqual([
      ["20250102-000000-bbbbbb", "newer prompt"],
      ["20250101-000000-aaaaaa", "older prompt"],
    ]);
    expect(listSessions(dir, { firstPrompts: false })).toEqual([
      {
        id: "20250102-000000-bbbbbb",
        path: join(dir, "20250102-000000-bbbbbb.jsonl"),
        modifiedMs: expect.any(Number),
      },
      {
        id: "20250101-000000-aaaaaa",
        path: join(dir, "20250101-000000-aaaaaa.jsonl"),
        modifiedMs: expect.any(Number),
      },
    ]);
    expect(findSession(dir, "20250101")?.id).toBe("20250101-000000-aaaaaa");
    expect(findSession(dir, "2025")).toBeUndefined();
    expect(listSessions(join(dir, "absent"))).toEqual([]);
  });
});
