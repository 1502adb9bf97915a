// No background process outlives its chapter: a real chapter process killed with SIGTERM closes its
// session (exit 143, the group gone from the process table), and a bare process.exit is caught by
// the exit safety net.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createTempWorkspace,
  hermeticEnv,
  reply,
  spawnBundledScript,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { eventually, processesInGroup } from "./test-agent.ts";

const addCleanup = useCleanups();
const chapterDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * `node <bundle of script> …args` (testkit's bundleScript: one plain node process, no tsx) in the chapter
 * folder, stdin left open; killed after the test.
 */
async function startScript(script: string, args: string[], env: Record<string, string>) {
  const child = await spawnBundledScript(join(chapterDir, script), args, {
    cwd: chapterDir,
    env: { ...hermeticEnv(), ...env },
  });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  addCleanup(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  return { child, exited, stdout: () => stdout };
}

describe("background commands and the end of the process", () => {
  it("SIGTERM to a real chapter process kills its background group: no orphan, exit 143", async () => {
    // The project's settings allow shell commands (background_run is judged as bash): without a terminal it would be refused.
    const settings = JSON.stringify({ permissions: { allow: ["Bash"] } });
    const workspace = await createTempWorkspace({ files: { ".claude/settings.json": settings } });
    addCleanup(workspace.cleanup);
    const fake = await startFakeApi({
      script: [
        reply(toolUse("background_run", { command: "sleep 300 & echo $! > grandchild.pid; sleep 300" })),
        reply(text("Started b1.")),
      ],
    });
    addCleanup(() => fake.close());
    const chapter = await startScript("src/main.ts", ["--cwd", workspace.dir], {
      HOME: workspace.dir,
      ANTHROPIC_API_KEY: "test-key",
      ANTHROPIC_BASE_URL: fake.baseURL,
      LCC_PROJECT_HOOKS: "0",
    });
    chapter.child.stdin.write("start the job\n");
    const pidFile = join(workspace.dir, "grandchild.pid");
    const started = await eventually(
      () => existsSync(pidFile) && chapter.stdout().includes("Started b1."),
      20_000,
    );
    expect(started, chapter.stdout()).toBe(true);
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    const pgid = Number(readFileSync(`/proc/${grandchild}/stat`, "utf8").split(") ")[1]?.split(" ")[2]);
    expect(processesInGroup(pgid).length).toBeGreaterThanOrEqual(2);

    chapter.child.kill("SIGTERM");
    expect(await chapter.exited).toBe(143);
    expect(await eventually(() => processesInGroup(pgid).length === 0)).toBe(true);
  });

  it("process.exit without closing the session still kills the groups (the exit safety net)", async () => {
    const workspace = await createTempWorkspace();
    addCleanup(workspace.cleanup);
    const script = await startScript("src/fixtures/exit-without-close.ts", [workspace.dir], {
      HOME: workspace.dir,
    });
    expect(await script.exited).toBe(0);
    const pgid = Number(script.stdout().trim());
    expect(pgid).toBeGreaterThan(0);
    expect(await eventually(() => processesInGroup(pgid).length === 0)).toBe(true);
  });
});
