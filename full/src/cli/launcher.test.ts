// The build and the launcher: the esbuild bundle runs a real turn, and the launcher uses it only
// while it is newer than every source it was built from, falling back to tsx otherwise.
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTempWorkspace, reply, runCli, startFakeApi, text } from "@lcc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
let root: string;

beforeAll(async () => {
  // Inside full/ so the copy resolves tsx and the chapters like the real launcher does.
  root = await mkdtemp(join(packageDir, ".launcher-test-"));
  await mkdir(join(root, "bin"));
  await cp(join(packageDir, "bin", "lcc.mjs"), join(root, "bin", "lcc.mjs"));
  await symlink(join(packageDir, "src"), join(root, "src"));
  const build = await runCli({
    command: process.execPath,
    args: [join(packageDir, "scripts", "build.mjs"), join(root, "dist")],
    cwd: packageDir,
    timeoutMs: 60_000,
  });
  expect(build.code, build.stderr).toBe(0);
}, 90_000);
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const launch = (args: string[], env: Record<string, string> = {}) =>
  runCli({
    command: process.execPath,
    args: [join(root, "bin", "lcc.mjs"), ...args],
    cwd: root,
    env: { LCC_DEBUG: "1", ...env },
    timeoutMs: 60_000,
  });

describe("build and launcher", () => {
  it("bundles src/cli/cli.ts into dist/lcc.mjs and records the sources it came from", async () => {
    const inputs = JSON.parse(await readFile(join(root, "dist", "inputs.json"), "utf8")) as string[];
    expect(inputs).toContain(join(packageDir, "src", "full-setup.ts"));
    expect(inputs.some((path) => path.includes("/node_modules/"))).toBe(false);
    // A dependency upgrade makes the bundle stale through the lockfile.
    expect(inputs).toContain(join(packageDir, "..", "pnpm-lock.yaml"));
  });

  it("runs the bundle while it is fresh, and a one-turn -p works from it", { timeout: 60_000 }, async () => {
    const version = await launch(["--version"]);
    expect(version.stderr).toContain("running the bundle");
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+ \(lcc\)/);
    const workspace = await createTempWorkspace();
    const fake = await startFakeApi({ script: [reply(text("bundled answer"))] });
    try {
      const run = await runCli({
        command: process.execPath,
        args: [join(root, "dist", "lcc.mjs"), "-p", "hi"],
        cwd: workspace.dir,
        env: { ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: fake.baseURL },
      });
      expect(run.stdout).toBe("bundled answer\n");
      expect(run.code).toBe(0);
    } finally {
      await fake.close();
      await workspace.cleanup();
    }
  });

  it("falls back to the sources through tsx when a recorded source is newer than the bundle", {
    timeout: 60_000,
  }, async () => {
    const newer = join(root, "newer-source.ts");
    await writeFile(newer, "export {};\n");
    const future = new Date(Date.now() + 60_000);
    await utimes(newer, future, future);
    const inputsPath = join(root, "dist", "inputs.json");
    const inputs = JSON.parse(await readFile(inputsPath, "utf8")) as string[];
    await writeFile(inputsPath, JSON.stringify([...inputs, newer]));
    const version = await launch(["--version"]);
    expect(version.stderr).toContain("running the sources with tsx");
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+ \(lcc\)/);
  });

  it("rebuilds a stale bundle itself when the build script is beside it (the previous build's chunks stay for lcc processes still running it), then runs the bundle", {
    timeout: 90_000,
  }, async () => {
    const inputsPath = join(root, "dist", "inputs.json");
    const stale = [
      ...(JSON.parse(await readFile(inputsPath, "utf8")) as string[]),
      join(root, "newer-source.ts"),
    ];
    await writeFile(join(root, "newer-source.ts"), "export {};\n");
    const future = new Date(Date.now() + 60_000);
    await utimes(join(root, "newer-source.ts"), future, future);
    await writeFile(inputsPath, JSON.stringify(stale));
    // A chunk of the previous build (an lcc started on it may still import it) and one from days ago.
    const previous = join(root, "dist", "chunk-PREVIOUS.mjs");
    const ancient = join(root, "dist", "chunk-ANCIENT.mjs");
    await writeFile(previous, "export {};\n");
    await writeFile(ancient, "export {};\n");
    const daysAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    await utimes(ancient, daysAgo, daysAgo);
    await symlink(join(packageDir, "scripts"), join(root, "scripts"));
    try {
      const version = await launch(["--version"]);
      expect(version.stderr).toContain("running the bundle");
      expect(existsSync(previous)).toBe(true);
      expect(existsSync(ancient)).toBe(false);
      expect(version.stdout).toMatch(/^\d+\.\d+\.\d+ \(lcc\)/);
      const rebuilt = JSON.parse(await readFile(inputsPath, "utf8")) as string[];
      expect(rebuilt).not.toContain(join(root, "newer-source.ts"));
      expect(rebuilt).toContain(join(packageDir, "src", "full-setup.ts"));
    } finally {
      await rm(join(root, "scripts"));
    }
  });
});
