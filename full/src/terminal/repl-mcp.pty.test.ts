// MCP servers in the real TUI, in tmux: the input shows at once with the start line saying the servers
// connect; when a slow server connects and a broken one fails, each is one line printed above the input,
// the half-typed text kept; /mcp lists both; leaving lcc leaves no server process behind.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace, reply, startFakeApi, text } from "@lcc/testkit";
import { isCommandAvailable } from "@lcc/testkit/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { everythingServer, mcpServersJson } from "../mcp-test-servers.ts";
import { launcherPath } from "../test-harness.ts";
import { atPrompt, createTmuxDriver, inputLine } from "./tmux-driver.ts";

const hasTmux = isCommandAvailable("tmux", ["-V"]);
const { tmux, screen, keys, waitForScreen } = createTmuxDriver(`lcc-mcp-test-${process.pid}`);

describe.skipIf(!hasTmux)("MCP servers in the REPL in a real terminal", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    try {
      tmux("kill-server");
    } catch {
      // no server left
    }
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("never delays the prompt: later server states print above it, the typed line kept; no server outlives lcc", {
    timeout: 120_000,
  }, async () => {
    const workspace = await createTempWorkspace();
    const fake = await startFakeApi({ script: [reply(text("unused"))] });
    cleanups.push(workspace.cleanup, () => fake.close());
    const everything = everythingServer();
    const mark = `repl-mcp-${process.pid}-${Date.now()}`;
    const quoted = [everything.command, ...everything.args].map((part) => `'${part}'`).join(" ");
    // A server that answers only once the line is typed, and one that exits then, before it ever answers: both
    // wait for the go file, which the test writes when the typed line is on the screen.
    const go = join(workspace.dir, "servers.go");
    const waitForGo = `while [ ! -e '${go}' ]; do sleep 0.05; done`;
    const config = mcpServersJson({
      // The mark tells this test's server from those other test files run at the same time.
      slow: { command: "sh", args: ["-c", `${waitForGo}; LCC_TEST_MARK=${mark} exec ${quoted}`] },
      broken: { command: "sh", args: ["-c", `${waitForGo}; echo 'no database here' >&2; exit 3`] },
    });
    writeFileSync(join(workspace.dir, "servers.json"), config);
    const command = [
      `cd '${workspace.dir}' &&`,
      "env -u ANTHROPIC_AUTH_TOKEN -u LCC_HOME -u INIT_CWD -u MODEL_ID -u NO_COLOR -u FORCE_COLOR",
      `ANTHROPIC_API_KEY=test-key ANTHROPIC_BASE_URL=${fake.baseURL} NO_COLOR=1 TERM=xterm-256color`,
      // Strict: the developer's own ~/.claude.json servers stay out of the test.
      `'${process.execPath}' '${launcherPath}' --strict-mcp-config --mcp-config servers.json; echo "[exited $?]"; sleep 60`,
    ].join(" ");
    tmux("new-session", "-d", "-s", "mcp", "-x", "160", "-y", "50", command);
    const pane = "mcp:0.0";
    const start = await waitForScreen(pane, atPrompt, "the prompt");
    expect(start).toContain("mcp: slow connecting · broken connecting (/mcp for details)");
    keys(pane, "-l", "half typed");
    await waitForScreen(pane, (text) => inputLine(text) === "❯ half typed", "the typed line");
    writeFileSync(go, "");
    const changed = await waitForScreen(
      pane,
      (text) => text.includes("mcp: slow connected") && inputLine(text) === "❯ half typed",
      "both servers settled, the typed line kept",
    );
    expect(changed).toMatch(/^⚠ mcp: broken failed: .*no database here/m);
    expect(changed).toMatch(/^⚙ mcp: slow connected · \d+ tools$/m);
    // Each on a line of its own above the prompt, never after the typed text.
    expect(changed).not.toMatch(/half typed.*mcp:/);
    keys(pane, "C-u", "/mcp", "Enter");
    const listed = await waitForScreen(pane, (text) => text.includes("Tools of slow:"), "/mcp");
    expect(listed).toMatch(/slow · flag \(.*\) · connected · \d+ tools/);
    expect(listed).toMatch(/broken · flag \(.*\) · failed: /);
    keys(pane, "C-d");
    await waitForScreen(pane, (text) => text.includes("[exited 0]"), "the exit");
    const left = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes(everything.args[0] ?? "never"))
      .filter((line) => environOf(Number.parseInt(line, 10)).includes(`LCC_TEST_MARK=${mark}`));
    expect(left).toEqual([]);
    expect(screen(pane)).not.toContain("internal error");
  });
});

/** A process's environment as text ("" once it is gone or unreadable). */
function environOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/environ`, "utf8");
  } catch {
    return "";
  }
}
