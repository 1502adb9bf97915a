// worktree_run on a real repository: the lane is the working folder, the turn's signal and the timeout
// kill the command, the deny-list and s07's Bash rules hold, output is capped, and two lanes edit the same
// file at the same time and commit without a conflict.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createToolContext, normalizeResult, resultText } from "@lcc/s02";
import { createPermissionManager, parseRule } from "@lcc/s07";
import { isProcessAlive } from "@lcc/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createToolsRepository, type ToolsRepository } from "../test-worktree-tools.ts";
import { createWorktreeTools } from "./index.ts";
import type { WorktreeRunDetails } from "./worktree-run.ts";

let repo: ToolsRepository;
afterEach(async () => {
  await repo?.cleanup();
});

/** A repository with lane `name` made. */
async function setup(name = "lane"): Promise<ToolsRepository & { lanePath: string }> {
  repo = await createToolsRepository();
  await repo.call("worktree_create", { name });
  return { ...repo, lanePath: join(repo.manager.folder, name) };
}

/** s07's permission phase over `rules`, default mode, no terminal (an ask is refused). */
function permissionHooks(rules: Array<[behavior: "allow" | "deny", text: string]>) {
  return createPermissionManager({
    workspace: repo.dir,
    mode: "default",
    settings: { files: [], problems: [] },
    rules: rules.map(([behavior, text]) => ({
      rule: parseRule(text)!,
      behavior,
      scope: "flag",
      root: repo.dir,
    })),
    additionalDirectories: [],
    readOnlyTools: new Set(),
    localSettingsPath: join(repo.dir, ".lcc", "settings.local.json"),
    emit: () => {},
  }).hooks;
}

describe("worktree_run", () => {
  it("runs with the lane as its working folder; the main checkout is untouched", async () => {
    const { call, lanePath, dir } = await setup();
    const result = await call("worktree_run", { name: "lane", command: "pwd && echo made > made.txt" });
    expect(result).toMatchObject({ isError: false, text: `${lanePath}\n[exit code 0]` });
    expect(result.details as WorktreeRunDetails).toEqual({
      lane: "lane",
      cwd: lanePath,
      exitCode: 0,
      timedOut: false,
      interrupted: false,
      droppedChars: 0,
    });
    expect(await readFile(join(lanePath, "made.txt"), "utf8")).toBe("made\n");
    expect(existsSync(join(dir, "made.txt"))).toBe(false);
  });

  it("reports a failing command as an error with its exit code, and refuses an unknown lane", async () => {
    const { call } = await setup();
    expect(await call("worktree_run", { name: "lane", command: "echo oops; exit 3" })).toMatchObject({
      isError: true,
      text: "oops\n[exit code 3]",
    });
    expect(await call("worktree_run", { name: "other", command: "true" })).toMatchObject({
      isError: true,
      text: "There is no lane other; worktree_list shows the lanes.",
    });
  });

  it("is stopped by the turn's abort signal: the process group is killed and the call is interrupted", async () => {
    const { call, lanePath, manager } = await setup();
    const controller = new AbortController();
    const started = Date.now();
    const running = call(
      "worktree_run",
      { name: "lane", command: "sleep 30 & echo $! > child.pid; echo started > started.txt; wait" },
      { signal: controller.signal },
    );
    while (!existsSync(join(lanePath, "started.txt"))) await sleep(20);
    controller.abort();
    const result = await running;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject({ isError: true, interrupted: true });
    expect(result.text).toContain("[interrupted by user; process group killed]");
    expect((result.details as WorktreeRunDetails).interrupted).toBe(true);
    const child = Number((await readFile(join(lanePath, "child.pid"), "utf8")).trim());
    expect(isProcessAlive(child)).toBe(false);
    const last = (await manager.events({ limit: 1 }))[0];
    expect(last).toMatchObject({ type: "run_end", detail: { aborted: true } });
  });

  it("kills a command at timeout_ms and says how to give it longer", async () => {
    const { call } = await setup();
    const result = await call("worktree_run", { name: "lane", command: "sleep 5", timeout_ms: 300 });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      "[timed out after 300 ms; process group killed. Raise timeout_ms (max 600000) if it needs longer]",
    );
    expect((result.details as WorktreeRunDetails).timedOut).toBe(true);
  });

  it("refuses what bash refuses, before anything runs", async () => {
    const { call, manager } = await setup();
    const result = await call("worktree_run", { name: "lane", command: "sudo rm notes.txt" });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^Refused: .*sudo.*Find a safer command that does what you need\.$/);
    expect((await manager.events()).map((event) => event.type)).toEqual(["create"]);
  });

  it("is judged by s07 as bash: a Bash deny rule refuses it, a read-only command needs no question", async () => {
    const { call, lanePath } = await setup();
    const hooks = permissionHooks([["deny", "Bash(rm:*)"]]);
    const denied = await call("worktree_run", { name: "lane", command: "rm notes.txt" }, { hooks });
    expect(denied).toMatchObject({ isError: true, details: { deniedBy: "permission" } });
    expect(denied.text).toContain("denied by the rule Bash(rm:*)");
    expect(existsSync(join(lanePath, "notes.txt"))).toBe(true);
    const listed = await call("worktree_run", { name: "lane", command: "ls" }, { hooks });
    expect(listed).toMatchObject({ isError: false, text: "notes.txt\n[exit code 0]" });
  });

  it("caps long output, keeping its head and tail", async () => {
    const { call } = await setup();
    const result = await call("worktree_run", {
      name: "lane",
      command: "echo first; head -c 120000 /dev/zero | tr '\\0' x; echo; echo last",
    });
    expect(result.isError).toBe(false);
    expect(result.text.length).toBeLessThanOrEqual(50_200);
    expect(result.text.startsWith("first\n")).toBe(true);
    expect(result.text).toMatch(/\[\.\.\. \d+ characters cut from the middle of \d+ \.\.\.\]/);
    expect(result.text.endsWith("last\n[exit code 0]")).toBe(true);
  });

  it("keeps up to keepChars and says long output is saved when the setup saves large outputs (s06)", async () => {
    const { manager, dir } = await setup();
    const tools = createWorktreeTools(manager, {
      largeOutputs: { savedOverChars: 30_000, keepChars: 200_000 },
    });
    const run = tools.find((tool) => tool.name === "worktree_run");
    expect(run?.description).toContain("Output over 30,000 characters is saved to a file");
    const input = { name: "lane", command: "head -c 120000 /dev/zero | tr '\\0' x" };
    const result = normalizeResult(await run!.run(input, createToolContext(dir)));
    expect(resultText(result)).toBe(`${"x".repeat(120_000)}\n[exit code 0]`);
    expect(repo.tools.find((tool) => tool.name === "worktree_run")?.description).toContain(
      "Output over 50,000 characters keeps its head and tail",
    );
  });

  it("lets two lanes edit the same file at the same time and commit; each branch holds its own version", async () => {
    const { call, git, dir } = await setup("left");
    await call("worktree_create", { name: "right" });
    const edit = (name: string) =>
      call("worktree_run", {
        name,
        command: `printf 'from ${name}\\n' > notes.txt && git commit -qam "${name} edit" && git log -1 --format=%s`,
      });
    const [left, right] = await Promise.all([edit("left"), edit("right")]);
    expect(left).toMatchObject({ isError: false, text: "left edit\n[exit code 0]" });
    expect(right).toMatchObject({ isError: false, text: "right edit\n[exit code 0]" });
    expect(await git(["show", "wt/left:notes.txt"])).toBe("from left\n");
    expect(await git(["show", "wt/right:notes.txt"])).toBe("from right\n");
    expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("line one\n");
    expect(await git(["status", "--porcelain"])).toBe("");
    expect((await call("worktree_list", {})).text).toContain(
      "left · active · wt/left · no task · clean · 1 ahead",
    );
  });
});
