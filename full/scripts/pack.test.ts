// `pnpm release:pack` end to end: the tarball installs with `npm install -g --prefix <temp> --offline`, and the
// installed `lcc` runs from an unrelated folder with nothing of the checkout on its PATH: --version names the
// commit, -p answers through the fake API (key from ~/.lcc/.env), and without a key the demo runs.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTempWorkspace, reply, runCli, startFakeApi, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InstalledLcc, installedLccEnvironment, packAndInstall } from "./pack-and-install.ts";

const addCleanup = useCleanups();
const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const repositoryDir = dirname(packageDir);
let folder: string;
let installed: InstalledLcc;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "lcc-pack-test-"));
  installed = await packAndInstall(folder);
}, 120_000);
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Runs the installed `lcc` in `cwd` with a fresh HOME (optionally holding `~/.lcc/.env`). */
async function runInstalled(args: string[], options: { cwd: string; dotenv?: string; stdin?: string }) {
  const home = await mkdtemp(join(tmpdir(), "lcc-pack-home-"));
  addCleanup(() => rm(home, { recursive: true, force: true }));
  if (options.dotenv !== undefined) {
    await mkdir(join(home, ".lcc"));
    await writeFile(join(home, ".lcc", ".env"), options.dotenv);
  }
  return runCli({
    command: installed.bin,
    args,
    cwd: options.cwd,
    env: { ...installedLccEnvironment(home), NO_COLOR: "1" },
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    timeoutMs: 30_000,
  });
}

async function unrelatedFolder(files: Record<string, string> = {}) {
  const workspace = await createTempWorkspace({ files });
  addCleanup(workspace.cleanup);
  return workspace.dir;
}

describe("the lcc package", () => {
  it("is one tarball whose bin is lcc, with no dependencies and no path of this checkout inside", async () => {
    expect(installed.tarball).toMatch(/[/\\]lcc-\d+\.\d+\.\d+\.tgz$/);
    const manifest = JSON.parse(await readFile(join(installed.packageDir, "package.json"), "utf8"));
    const full = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ name: "lcc", version: full.version, bin: { lcc: "full/bin/lcc.mjs" } });
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"])
      expect(manifest[field]).toBeUndefined();
    // The launcher and the bundle (with the demo's MCP server as its own entry); no sources, no build inputs.
    for (const file of ["full/bin/lcc.mjs", "full/dist/lcc.mjs", "full/dist/demo-mcp-server.mjs"])
      expect(existsSync(join(installed.packageDir, file)), file).toBe(true);
    expect(existsSync(join(installed.packageDir, "full", "src"))).toBe(false);
    expect(existsSync(join(installed.packageDir, "full", "dist", "inputs.json"))).toBe(false);
    // Every file a source finds relative to itself is found inside the package, never in this checkout.
    const files = await readdir(installed.packageDir, { recursive: true, withFileTypes: true });
    for (const entry of files.filter((file) => file.isFile())) {
      const content = await readFile(join(entry.parentPath, entry.name), "utf8");
      expect(content.includes(repositoryDir), `${entry.name} names ${repositoryDir}`).toBe(false);
    }
  });

  it("prints the version and the commit it was built from", async () => {
    const full = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
    const run = await runInstalled(["--version"], { cwd: await unrelatedFolder() });
    expect(run.stdout).toBe(`${full.version} (lcc) commit ${installed.commit}\n`);
    // A commit of this repository (HEAD then; another may have landed since).
    const hash = installed.commit.replace(/-dirty$/, "");
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(execFileSync("git", ["cat-file", "-t", hash], { cwd: repositoryDir, encoding: "utf8" })).toBe(
      "commit\n",
    );
  });

  it("has the checkout's flags: its --help is the checkout's", async () => {
    const run = await runInstalled(["--help"], { cwd: await unrelatedFolder() });
    const checkout = await runCli({
      command: process.execPath,
      args: [join(packageDir, "bin", "lcc.mjs"), "--help"],
      cwd: repositoryDir,
      env: { LCC_NO_BUNDLE: "1", NO_COLOR: "1" },
      timeoutMs: 30_000,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--output-format");
    expect(run.stdout).toBe(checkout.stdout);
  });

  it("answers -p from an unrelated folder with the key in ~/.lcc/.env, keeping its session in that folder's .lcc/", async () => {
    const fake = await startFakeApi({ script: [reply(text("installed answer"))] });
    addCleanup(() => fake.close());
    const cwd = await unrelatedFolder({ "notes.txt": "hello\n" });
    const run = await runInstalled(["-p", "hi"], {
      cwd,
      dotenv: `ANTHROPIC_API_KEY=from-home-env\nANTHROPIC_BASE_URL=${fake.baseURL}\n`,
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("installed answer\n");
    expect(run.code).toBe(0);
    // The key came from ~/.lcc/.env (this HOME's), as the SDK sends it.
    expect(JSON.stringify(fake.messageRequests()[0]?.headers)).toContain("from-home-env");
    const sessions = await readdir(join(cwd, ".lcc", "sessions"));
    expect(sessions.filter((name) => name.endsWith(".jsonl"))).toHaveLength(1);
  });

  it("without a key shows the demo banner, and the demo tour's MCP tool answers from the bundled server", {
    timeout: 60_000,
  }, async () => {
    const interactive = await runInstalled([], { cwd: await unrelatedFolder(), stdin: "" });
    expect(interactive.stderr + interactive.stdout).toContain("DEMO MODE: no API key was found");
    expect(interactive.code).toBe(0);
    const cwd = await unrelatedFolder({ "README.md": "# Elsewhere\n" });
    const run = await runInstalled(["-p", "show me", "--output-format", "json"], { cwd });
    expect(run.stderr).toContain("DEMO MODE");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { result: string };
    // Started as `node full/dist/demo-mcp-server.mjs`: tsx is nowhere on this PATH or under the prefix.
    expect(result.result).toContain(
      "The MCP server lcc-demo counted your prompt: 2 words, 1 line, 7 characters",
    );
  });
});
