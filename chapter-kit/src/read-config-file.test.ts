// readConfigFile over real files: regular files and symlinks to them are read; a real FIFO, a symlink
// to /dev/zero, a directory and an oversized file are skipped at once with a reason a person can read.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import {
  type ConfigFileRead,
  formatByteSize,
  type ReadConfigFileOptions,
  readConfigFile,
  readConfigFileSync,
} from "./read-config-file.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  return workspace.dir;
}

/**
 * Makes a FIFO at `path` and, so that a reader that does block fails the test instead of hanging it,
 * a writer that opens it after 1.5 s and closes it a second later.
 */
function makeFifo(path: string): void {
  execFileSync("mkfifo", [path]);
  const writer = spawn("sh", ["-c", 'sleep 1.5; exec 3>"$1"; sleep 1', "sh", path], { stdio: "ignore" });
  addCleanup(() => writer.kill("SIGKILL"));
}

const readers: [string, (path: string, options?: ReadConfigFileOptions) => Promise<ConfigFileRead>][] = [
  ["readConfigFile", readConfigFile],
  ["readConfigFileSync", async (path, options) => readConfigFileSync(path, options)],
];

describe.each(readers)("%s", (_name, read) => {
  it("reads a regular file, and one reached through a symlink", async () => {
    const dir = await setup();
    writeFileSync(join(dir, "real.md"), "héllo\n");
    symlinkSync(join(dir, "real.md"), join(dir, "link.md"));
    expect(await read(join(dir, "real.md"))).toEqual({ ok: true, text: "héllo\n" });
    expect(await read(join(dir, "link.md"))).toEqual({ ok: true, text: "héllo\n" });
  });

  it("skips a FIFO at once, without waiting for a writer", async () => {
    const dir = await setup();
    makeFifo(join(dir, "SKILL.md"));
    const started = Date.now();
    const result = await read(join(dir, "SKILL.md"));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result).toEqual({
      ok: false,
      skip: { kind: "not-regular-file", fileType: "fifo" },
      reason: "not a regular file (fifo)",
    });
  });

  it("skips a symlink to /dev/zero without reading from it", async () => {
    const dir = await setup();
    symlinkSync("/dev/zero", join(dir, ".env"));
    expect(await read(join(dir, ".env"))).toMatchObject({
      ok: false,
      skip: { kind: "not-regular-file", fileType: "character device" },
      reason: "not a regular file (character device)",
    });
  });

  it("skips a directory", async () => {
    const dir = await setup();
    mkdirSync(join(dir, "agent.md"));
    expect(await read(join(dir, "agent.md"))).toMatchObject({
      ok: false,
      reason: "not a regular file (directory)",
    });
  });

  it("skips a file over the cap (1 MB by default) and reads one exactly at it", async () => {
    const dir = await setup();
    writeFileSync(join(dir, "big.md"), "x".repeat(1024 * 1024 + 1));
    writeFileSync(join(dir, "ten.md"), "0123456789");
    expect(await read(join(dir, "big.md"))).toEqual({
      ok: false,
      skip: { kind: "too-large", maxBytes: 1024 * 1024 },
      reason: "larger than 1 MB",
    });
    expect(await read(join(dir, "ten.md"), { maxBytes: 10 })).toEqual({ ok: true, text: "0123456789" });
    expect(await read(join(dir, "ten.md"), { maxBytes: 9 })).toMatchObject({ reason: "larger than 9 bytes" });
  });

  it("stops reading at the cap when a file holds more than its size says (a /proc file says 0)", async () => {
    expect(await read("/proc/self/status", { maxBytes: 100 })).toMatchObject({
      reason: "larger than 100 bytes",
    });
  });

  it("reports a missing file, and a dangling symlink, as missing", async () => {
    const dir = await setup();
    symlinkSync(join(dir, "nowhere"), join(dir, "dangling.md"));
    const missing = { ok: false, skip: { kind: "missing" }, reason: "does not exist" };
    expect(await read(join(dir, "absent.md"))).toEqual(missing);
    expect(await read(join(dir, "dangling.md"))).toEqual(missing);
  });
});

describe("formatByteSize", () => {
  it("says the cap in the largest whole unit", () => {
    expect([formatByteSize(1024 * 1024), formatByteSize(64 * 1024), formatByteSize(1500)]).toEqual([
      "1 MB",
      "64 KB",
      "1500 bytes",
    ]);
  });
});
