// The file backend: the shared contract, then what only files can do wrong — a kill -9 during appends, a
// torn last line, a symbolic link planted by a repository, a corrupt kv.json, and modes 0700/0600.
import { appendFile, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempFolder, useCleanups, useUsualUmask } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { openFileTransport } from "./file-transport.ts";
import { teamFolderPaths } from "./team-folder.ts";
import { MAX_MESSAGE_BYTES } from "./team-transport.ts";
import { startTeamWorkerProcess } from "./team-worker-process.ts";
import { transportContract } from "./transport-contract.ts";

transportContract("file", async (addCleanup) => {
  const workspace = await makeTempFolder(addCleanup, "lcc-s15-file-");
  return { workspace, env: { HOME: workspace } };
});

const addCleanup = useCleanups();

async function setup() {
  const workspace = await makeTempFolder(addCleanup, "lcc-s15-file-only-");
  const folder = teamFolderPaths(workspace);
  return { workspace, folder, open: () => openFileTransport({ workspace, env: { HOME: workspace } }) };
}

describe("the file transport", () => {
  it("keeps a stream readable after kill -9 during appends and a torn last line, and appends after it", async () => {
    const { workspace, folder, open } = await setup();
    const worker = startTeamWorkerProcess();
    addCleanup(() => worker.kill());
    await worker.ready;
    const appending = worker.run(
      { workspace, env: { HOME: workspace } },
      { mode: "append", stream: "events", writer: "victim", count: 100_000 },
    );
    const streamFile = join(folder.streams, "events.jsonl");
    while (((await stat(streamFile).catch(() => undefined))?.size ?? 0) < 5_000)
      await new Promise((resolve) => setTimeout(resolve, 10));
    worker.kill();
    await expect(appending).rejects.toThrow(/team worker exited \(SIGKILL\)/);
    // What a crash in the middle of a write leaves (one write() is not cut by kill -9 itself).
    await appendFile(streamFile, '{"id":"0000000');

    const transport = await open();
    const survivors = await transport.read("events", undefined, 10_000);
    expect(survivors.length).toBeGreaterThan(50);
    expect(survivors.map((entry) => (entry.message as { index: number }).index)).toEqual(
      survivors.map((_, index) => index + 1),
    );
    const nextId = await transport.append("events", { after: "crash" });
    expect(Number(nextId)).toBe(survivors.length + 1);
    const last = survivors.at(-1) as { id: string };
    expect(await transport.read("events", last.id)).toEqual([{ id: nextId, message: { after: "crash" } }]);
    const lines = (await readFile(streamFile, "utf8")).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((line) => JSON.parse(line).id)).toEqual([...survivors.map((entry) => entry.id), nextId]);
    await transport.append("events", { after: "crash", second: true });
    expect(await transport.read("events", last.id)).toHaveLength(2);
  }, 60_000);

  it("skips a line that is not an entry and a line still being written", async () => {
    const { folder, open } = await setup();
    const transport = await open();
    await transport.append("events", "one");
    const streamFile = join(folder.streams, "events.jsonl");
    await appendFile(streamFile, 'not json\n{"no":"id"}\n');
    await transport.append("events", "two");
    await appendFile(streamFile, '{"id":"000000000003","message":"half');
    expect((await transport.read("events")).map((entry) => [entry.id, entry.message])).toEqual([
      ["000000000001", "one"],
      ["000000000002", "two"],
    ]);
  });

  it("finds the last id behind large entries, a large torn tail and an over-long line", async () => {
    const { folder, open } = await setup();
    const transport = await open();
    const big = "x".repeat(150_000); // each entry spans several 64 KB chunks of the backward scan
    await transport.append("events", big);
    await transport.append("events", big);
    const streamFile = join(folder.streams, "events.jsonl");
    await appendFile(streamFile, `${"y".repeat(MAX_MESSAGE_BYTES + 500)}\n`); // longer than any entry
    // Torn just before its newline: valid JSON, but never committed.
    await appendFile(streamFile, `{"id":"000000000099","message":"${"z".repeat(200_000)}"}`);
    expect((await transport.read("events")).map((entry) => entry.id)).toEqual([
      "000000000001",
      "000000000002",
    ]);
    expect(await transport.append("events", "small")).toBe("000000000003");
    expect((await transport.read("events")).map((entry) => entry.id)).toEqual([
      "000000000001",
      "000000000002",
      "000000000003",
    ]);
    expect((await transport.read("events", "000000000002"))[0]?.message).toBe("small");
  });

  it("refuses a symbolic link at .lcc/team and writes nothing through it", async () => {
    const { workspace, open } = await setup();
    const elsewhere = await makeTempFolder(addCleanup, "lcc-s15-elsewhere-");
    await mkdir(join(workspace, ".lcc"));
    await symlink(elsewhere, join(workspace, ".lcc", "team"));
    const transport = await open();
    const refused = /\.lcc\/team leads through a symbolic link \(to .*lcc-s15-elsewhere-/;
    await expect(transport.read("inbox:lead")).rejects.toThrow(refused);
    await expect(transport.append("inbox:lead", "x")).rejects.toThrow(refused);
    await expect(stat(join(elsewhere, "streams"))).rejects.toThrow(/ENOENT/);
  });

  it("creates nothing until the first write; until then reads see an empty team", async () => {
    const { workspace, folder, open } = await setup();
    const transport = await open();
    expect(await transport.read("inbox:lead")).toEqual([]);
    expect(await transport.cursor("inbox:lead", "lead")).toBeUndefined();
    expect(await transport.list("member:")).toEqual({});
    expect(await transport.get("member:alice")).toBeUndefined();
    await expect(stat(join(workspace, ".lcc"))).rejects.toThrow(/ENOENT/);
    await transport.append("inbox:lead", "hello");
    expect((await stat(folder.streams)).mode & 0o777).toBe(0o700);
    expect((await transport.read("inbox:lead")).map((entry) => entry.message)).toEqual(["hello"]);
  });

  it("refuses a planted symbolic link at a stream file or a cursor folder", async () => {
    const { folder, open } = await setup();
    const transport = await open();
    await transport.append("warm-up", "the folder exists from the first write");
    const target = join(await makeTempFolder(addCleanup, "lcc-s15-target-"), "victim");
    await writeFile(target, "keep me\n");
    await symlink(target, join(folder.streams, "events.jsonl"));
    await expect(transport.append("events", "x")).rejects.toThrow(/events\.jsonl is a symbolic link/);
    await expect(transport.read("events")).rejects.toThrow(/symbolic link/);
    await symlink(join(target, ".."), join(folder.cursors, "inbox:lead"));
    await expect(transport.acknowledge("inbox:lead", "lead", "000000000001")).rejects.toThrow(
      /symbolic link/,
    );
    expect(await readFile(target, "utf8")).toBe("keep me\n");
  });

  it("reports a corrupt kv.json with its path and leaves it as it is", async () => {
    const { folder, open } = await setup();
    const transport = await open();
    await transport.append("warm-up", "the folder exists from the first write");
    await writeFile(folder.keys, "{ not json");
    const problem = new RegExp(
      `${folder.keys.replaceAll("/", "\\/")} is not a valid team key file .*left as it is`,
    );
    await expect(transport.get("member:alice")).rejects.toThrow(problem);
    await expect(transport.compareAndSet("claim:task:1", undefined, "alice")).rejects.toThrow(problem);
    await writeFile(folder.keys, JSON.stringify({ version: 1, values: { "member:alice": 3 } }));
    await expect(transport.list("member:")).rejects.toThrow(problem);
    expect(await readFile(folder.keys, "utf8")).toBe('{"version":1,"values":{"member:alice":3}}');
  });

  it("makes its folders 0700 and its files 0600", async () => {
    useUsualUmask(addCleanup);
    const { folder, open } = await setup();
    const transport = await open();
    const id = await transport.append("inbox:alice", "hello");
    await transport.acknowledge("inbox:alice", "alice", id);
    await transport.compareAndSet("member:alice", undefined, "idle");
    for (const path of [folder.root, folder.streams, folder.cursors, join(folder.cursors, "inbox:alice")])
      expect(((await stat(path)).mode & 0o777).toString(8)).toBe("700");
    for (const path of [
      join(folder.streams, "inbox:alice.jsonl"),
      join(folder.cursors, "inbox:alice", "alice"),
      folder.keys,
    ])
      expect(((await stat(path)).mode & 0o777).toString(8)).toBe("600");
  });

  it("writes one JSON line per entry with a 12-digit id", async () => {
    const { folder, open } = await setup();
    const transport = await open();
    await transport.append("inbox:alice", { text: "hi" });
    expect(await readFile(join(folder.streams, "inbox:alice.jsonl"), "utf8")).toBe(
      '{"id":"000000000001","message":{"text":"hi"}}\n',
    );
  });
});
