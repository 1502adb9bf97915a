// The demo scenario is the chapter's end-to-end test: the REPL and the real agent on a fresh git repository,
// a lane bound to a task, a teammate that edits and commits in it, /team stop through the handshake, the
// lane removed completing the task, then /worktrees.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { runScenario } from "@lcc/chapter-kit";
import { requestsOf } from "@lcc/s15";
import { assertPairingInvariant } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS18Chapter } from "./agent.ts";
import { createS18Scenario, LANE, s18DemoOptions } from "./scenario.ts";

const addCleanup = useCleanups();
const execFileAsync = promisify(execFile);

describe("the s18 demo", () => {
  it("hands a lane bound to a task to a teammate who commits there; the lane goes, the task completes", async () => {
    const output = captureOutput();
    const run = await runScenario(createS18Chapter(s18DemoOptions()), createS18Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);
    const git = async (...args: string[]) =>
      (await execFileAsync("git", args, { cwd: run.workspace })).stdout;
    const lanePath = join(run.workspace, ".lcc", "worktrees", LANE);

    // The teammate worked in the lane: its commit is on wt/greeting, the main checkout is as it was.
    expect(await git("show", `wt/${LANE}:hello.txt`)).toBe("Hello, world!\n");
    expect(await git("log", "-1", "--format=%s", `wt/${LANE}`)).toBe("Fix the greeting typo\n");
    expect(await readFile(join(run.workspace, "hello.txt"), "utf8")).toBe("Helo, world!\n");
    expect(await git("status", "--porcelain")).toBe("");
    const alice = requestsOf(requests, "alice");
    expect(JSON.stringify(alice[1]?.body.messages.at(-1))).toContain("Fix the greeting typo\\n[exit code 0]");
    expect(JSON.stringify(alice[0]?.body.system)).toContain(`The workspace is ${lanePath};`);

    const text = output.text();
    expect(text).toContain(`  ⎿ lane ${LANE} · wt/${LANE} from main · task #1 in progress\n`);
    expect(text).toContain(`  alice (developer) · idle · in ${lanePath}\n`);
    expect(text).toMatch(/alice agreed \(req_[0-9a-f]{16}\) and stopped\./);
    expect(text).toContain(`  ⎿ lane ${LANE} removed · branch wt/${LANE} kept · task #1 completed\n`);
    expect(text).toContain(`Lanes in .lcc/worktrees\n${LANE} · removed · wt/${LANE} · task #1\n`);
    // The lane's folder is gone; its branch keeps the commit for the user to merge.
    expect(await git("worktree", "list", "--porcelain")).not.toContain(lanePath);
    expect(await git("branch", "--list", `wt/${LANE}`)).toContain(`wt/${LANE}`);
  });
});
