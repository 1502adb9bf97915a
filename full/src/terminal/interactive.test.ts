// The REPL with stdin that is not a terminal: the real `lcc` reads prompts line by line, runs slash
// commands between them (each reported once), names the endpoint it could not reach, exits 0 at end
// of input, and keeps piped lines out of the input history (the history file: tui/input-history.test.ts).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { closedLoopbackURL, runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

describe("lcc with piped stdin (no -p)", () => {
  it("answers each line as a prompt, runs slash commands, exits 0 at EOF and saves no input history", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace({ files: { "a.txt": "alpha\n" } });
    const fake = await startFakeApi({
      script: [
        reply(text("Reading."), toolUse("read_file", { path: "a.txt" }, "toolu_pipe_read")),
        reply(text("It says alpha.")),
        reply(text("Second answer.")),
      ],
    });
    addCleanup(workspace.cleanup, () => fake.close());
    const run = await runLcc({
      args: [],
      cwd: workspace.dir,
      baseURL: fake.baseURL,
      stdin: "what is in a.txt?\n/cost\n\nand now?\n",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("❯ what is in a.txt?\nReading.\n⏺ read_file(a.txt)\n  ⎿ Read 1 line");
    expect(run.stdout).toMatch(
      /It says alpha\.\n· [\d.]+s · .* out\n❯ \/cost\nSince lcc started: 2 requests/,
    );
    expect(run.stdout).toContain("❯ and now?\nSecond answer.\n");
    expect(run.stdout).not.toContain("\u001b[");
    expect(fake.messageRequests()).toHaveLength(3);
    assertPairingInvariant(fake.requests);
    expect(readdirSync(join(workspace.dir, ".lcc", "sessions"))).toHaveLength(1);
    expect(existsSync(join(workspace.dir, ".lcc", "history"))).toBe(false);
  });
});

describe("lcc's REPL output", () => {
  it("reports a /compact once: the compaction's own line, no second report", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace();
    const fake = await startFakeApi({
      script: [reply(text("Hello.")), reply(text("<summary>The user greeted lcc.</summary>"))],
    });
    addCleanup(workspace.cleanup, () => fake.close());
    const run = await runLcc({
      args: [],
      cwd: workspace.dir,
      baseURL: fake.baseURL,
      stdin: "hi\n/compact\n",
    });
    expect(run.code).toBe(0);
    const afterCommand = run.stdout.slice(run.stdout.indexOf("❯ /compact"));
    expect(afterCommand.match(/compacted/gi)).toEqual(["compacted"]);
    expect(afterCommand).toMatch(
      /^· compacted: history replaced by a \d+-character summary; transcript at /m,
    );
    expect(fake.messageRequests()).toHaveLength(2);
  });

  it("names the endpoint it could not reach and the reason, then goes on to the next prompt", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace();
    addCleanup(workspace.cleanup);
    const baseURL = await closedLoopbackURL();
    const env = { LCC_MAX_RETRIES: "0" }; // s11's waits are not what this is about
    const run = await runLcc({ args: [], cwd: workspace.dir, baseURL, stdin: "hi\n/model\n", env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `✗ Model request failed: Connection error: could not reach ${baseURL}/v1/messages (ECONNREFUSED)\n❯ /model\n`,
    );
  });
});
