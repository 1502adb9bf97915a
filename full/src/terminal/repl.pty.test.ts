// The TUI as a person uses it: the real `lcc` in a tmux pseudo-terminal, typed at with send-keys and read
// with capture-pane — streaming, the activity line, Ctrl-C mid-stream and mid-tool, history, the permission
// dialog, Shift+Tab in the status line, background commands, exits, NO_COLOR.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertPairingInvariant,
  createTempWorkspace,
  type RecordedRequest,
  reply,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { isCommandAvailable } from "@lcc/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProcessAlive, launcherPath } from "../test-harness.ts";
import { loadInputHistory } from "../tui/input-history.ts";
import { atPrompt, createTmuxDriver, inputLine, statusLine } from "./tmux-driver.ts";

const hasTmux = isCommandAvailable("tmux", ["-V"]);

const { tmux, screen, keys, waitForScreen } = createTmuxDriver(`lcc-test-${process.pid}`);

const LONG_ANSWER = `Streaming slowly: ${"word ".repeat(120)}THE-END`;

/** The fake model answers by the latest prompt's text (reminders after it are not the prompt). */
function script(request: RecordedRequest) {
  const messages = request.body.messages;
  const last = messages.at(-1);
  const blocks =
    typeof last?.content === "string"
      ? [{ type: "text" as const, text: last.content }]
      : (last?.content ?? []);
  // The typed prompt, not a reminder joined after it (s10's git status reminder).
  const typed = blocks.filter(
    (block) => block.type === "text" && !block.text.startsWith("<system-reminder>"),
  );
  const prompt = typed.flatMap((block) => (block.type === "text" ? [block.text] : [])).at(-1) ?? "";
  if (prompt === "stream please") return { ...reply(text(LONG_ANSWER)), chunkDelayMs: 40 };
  if (prompt === "run the tool") {
    return reply(
      text("Running it."),
      toolUse("bash", { command: "echo $$ > tool.pid; sleep 30" }, `toolu_pty_${request.index}`),
    );
  }
  if (prompt === "after") return reply(text("Back at your service."));
  if (prompt.startsWith("<background-results>"))
    return reply(text(`Noted: ${/id="(b\d+)"/.exec(prompt)?.[1]} is done.`));
  if (/Started b\d+ in the background/.test(JSON.stringify(last)))
    return reply(text("Started; its result will come by itself."));
  if (prompt === "build in the background")
    return reply(toolUse("background_run", { command: "sleep 3; echo built" }, `toolu_pty_${request.index}`));
  if (prompt === "serve in the background")
    return reply(toolUse("background_run", { command: "sleep 61" }, `toolu_pty_${request.index}`));
  if (prompt === "write another")
    return reply(
      toolUse("write_file", { path: "another.txt", content: "edit\n" }, `toolu_pty_${request.index}`),
    );
  if (prompt === "write please")
    return reply(
      toolUse("write_file", { path: "answer.txt", content: "yes\n" }, `toolu_pty_${request.index}`),
    );
  return reply(text("Hi there! I can help."));
}

describe.skipIf(!hasTmux)("the REPL in a real terminal", () => {
  let workspace: Awaited<ReturnType<typeof createTempWorkspace>>;
  let fake: Awaited<ReturnType<typeof startFakeApi>>;

  /** bypassPermissions unless `flags` says otherwise: the first test is about streaming and Ctrl-C. */
  const launch = (name: string, extraEnv: string, flags = "--permission-mode bypassPermissions") => {
    const command = [
      `cd '${workspace.dir}' &&`,
      "env -u ANTHROPIC_AUTH_TOKEN -u LCC_HOME -u INIT_CWD -u MODEL_ID -u NO_COLOR -u FORCE_COLOR",
      `ANTHROPIC_API_KEY=test-key ANTHROPIC_BASE_URL=${fake.baseURL} ${extraEnv}`,
      `'${process.execPath}' '${launcherPath}' ${flags}; echo "[exited $?]"; sleep 60`,
    ].join(" ");
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "50", command);
    return `${name}:0.0`;
  };

  beforeAll(async () => {
    workspace = await createTempWorkspace({ files: { "README.md": "# pty\n" }, git: true });
    fake = await startFakeApi({ script });
  });
  afterAll(async () => {
    try {
      tmux("kill-server");
    } catch {
      // no server left
    }
    await fake?.close();
    await workspace?.cleanup();
  });

  it("streams, interrupts mid-stream and mid-tool with Ctrl-C, recalls history and exits on Ctrl-D", {
    timeout: 120_000,
  }, async () => {
    const pane = launch("main", "TERM=xterm-256color");
    await waitForScreen(
      pane,
      (text) => text.includes("/help for commands") && atPrompt(text),
      "the banner and prompt",
    );

    keys(pane, "hello", "Enter");
    await waitForScreen(
      pane,
      (text) => text.includes("Hi there! I can help.") && /cached\)/.test(text),
      "the first answer",
    );
    expect(screen(pane, true)).toContain("\u001b[");

    keys(pane, "stream please", "Enter");
    await waitForScreen(pane, (text) => text.includes("Streaming slowly"), "streamed text");
    keys(pane, "C-c");
    const afterStream = await waitForScreen(
      pane,
      (text) => text.includes("⏹ Interrupted") && atPrompt(text),
      "the interrupt",
    );
    expect(afterStream).not.toContain("THE-END");

    keys(pane, "run the tool", "Enter");
    const running = await waitForScreen(
      pane,
      (text) => /Running bash… \(\d+\.\ds/.test(text),
      "the spinner during the tool",
    );
    expect(running).toContain("⏺ bash(echo $$ > tool.pid; sleep 30)");
    const pidFile = join(workspace.dir, "tool.pid");
    await waitForScreen(
      pane,
      () => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "",
      "the tool's pid file",
    );
    const toolPid = Number(readFileSync(pidFile, "utf8"));
    keys(pane, "C-c");
    await waitForScreen(
      pane,
      (text) => text.includes("Interrupted by user") && atPrompt(text),
      "the interrupted tool line",
    );
    expect(isProcessAlive(toolPid)).toBe(false);

    keys(pane, "after", "Enter");
    await waitForScreen(
      pane,
      (text) => text.includes("Back at your service."),
      "the answer after the interrupt",
    );
    assertPairingInvariant(fake.requests);
    const lastMessages = fake.messageRequests().at(-1)?.body.messages ?? [];
    const answered = lastMessages.at(-1)?.content;
    expect(Array.isArray(answered) && answered[0]).toMatchObject({ type: "tool_result", is_error: true });
    expect(JSON.stringify(answered)).toMatch(/interrupted by user/i);
    // The text streamed before the first Ctrl-C stays in the history as the assistant's partial answer.
    expect(JSON.stringify(lastMessages)).toContain("Streaming slowly");

    keys(pane, "/cost", "Enter");
    await waitForScreen(pane, (text) => /cache hit rate \d+\.\d% of input tokens/.test(text), "/cost");

    keys(pane, "Up");
    await waitForScreen(pane, (text) => inputLine(text) === "❯ /cost", "the previous input recalled with ↑");
    keys(pane, "C-c");
    await waitForScreen(pane, (text) => inputLine(text) === "❯", "Ctrl-C clearing the typed line");
    expect(screen(pane)).not.toContain("press Ctrl-C again");
    // Started in bypassPermissions: the status line says so, and Shift+Tab's cycle comes back to it.
    expect(statusLine(screen(pane))).toContain("⏵⏵ bypass permissions (shift+tab)");
    keys(pane, "BTab");
    await waitForScreen(pane, (text) => statusLine(text).includes("default mode"), "Shift+Tab to default");
    keys(pane, "BTab", "BTab", "BTab");
    await waitForScreen(
      pane,
      (text) => statusLine(text).includes("⏵⏵ bypass permissions"),
      "the cycle back to bypass",
    );
    keys(pane, "C-d");
    await waitForScreen(pane, (text) => text.includes("[exited 0]"), "exit on Ctrl-D");
    const history = loadInputHistory(join(workspace.dir, ".lcc", "history"));
    expect(history).toEqual(["hello", "stream please", "run the tool", "after", "/cost"]);
  });

  it("prints no escape codes with NO_COLOR; Ctrl-C at an empty prompt hints, a second one exits", {
    timeout: 60_000,
  }, async () => {
    const pane = launch("plain", "NO_COLOR=1 TERM=xterm-256color");
    await waitForScreen(pane, (text) => atPrompt(text), "the prompt");
    keys(pane, "hello", "Enter");
    await waitForScreen(
      pane,
      (text) => text.includes("Hi there! I can help.") && /cached\)/.test(text),
      "the answer",
    );
    keys(pane, "/help", "Enter");
    await waitForScreen(pane, (text) => text.includes("/compact [focus]"), "/help");
    expect(screen(pane, true)).not.toContain("\u001b[");
    keys(pane, "C-c");
    await waitForScreen(pane, (text) => text.includes("press Ctrl-C again to exit"), "the exit hint");
    keys(pane, "C-c");
    await waitForScreen(pane, (text) => text.includes("[exited 0]"), "exit on the second Ctrl-C");
  });

  it("asks before an edit in a dialog in place of the input and runs it when the user presses y (default mode)", {
    timeout: 60_000,
  }, async () => {
    const pane = launch("perm", "TERM=xterm-256color", "");
    await waitForScreen(pane, (text) => atPrompt(text), "the prompt");
    keys(pane, "write please", "Enter");
    const box = await waitForScreen(pane, (text) => text.includes("╰─ ↑/↓ Enter"), "the permission dialog");
    expect(box).toContain("╭─ permission");
    // The dialog replaces the input (no rules, no ❯ row) and no spinner is drawn over it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const question = screen(pane);
    expect(inputLine(question)).toBe("");
    expect(question).not.toContain("Running write_file");
    expect(question).toMatch(/│ Allow write_file\(answer\.txt\)\?/);
    expect(question).toMatch(/│ why it asks/);
    expect(question).toMatch(/│ ❯ 1\. yes, once \[y\]/);
    keys(pane, "y");
    await waitForScreen(pane, () => existsSync(join(workspace.dir, "answer.txt")), "the file written");
    expect(readFileSync(join(workspace.dir, "answer.txt"), "utf8")).toBe("yes\n");
    await waitForScreen(
      pane,
      (text) => text.includes("Hi there! I can help.") && atPrompt(text),
      "the answer",
    );
  });

  it("cycles the mode with Shift+Tab, shows it in the status line, and edits without asking in acceptEdits", {
    timeout: 60_000,
  }, async () => {
    const pane = launch("modes", "TERM=xterm-256color", "");
    await waitForScreen(
      pane,
      (text) => atPrompt(text) && statusLine(text).includes("default mode (shift+tab)"),
      "the prompt in default mode",
    );
    keys(pane, "BTab");
    await waitForScreen(
      pane,
      (text) => statusLine(text).includes("⏵⏵ accept edits (shift+tab)"),
      "accept edits in the status line",
    );
    expect(screen(pane)).not.toContain("permission mode:");
    keys(pane, "/mode", "Enter");
    await waitForScreen(pane, (text) => text.includes("mode: acceptEdits (modes:"), "/mode reporting it");
    keys(pane, "write another", "Enter");
    await waitForScreen(pane, () => existsSync(join(workspace.dir, "another.txt")), "the edit made");
    await waitForScreen(
      pane,
      (text) => text.includes("Hi there! I can help.") && statusLine(text).includes("⏵⏵ accept edits"),
      "the answer",
    );
    expect(screen(pane)).not.toContain("╭─ permission");
    keys(pane, "BTab");
    await waitForScreen(
      pane,
      (text) => statusLine(text).includes("⏸ plan mode"),
      "plan mode in the status line",
    );
    keys(pane, "BTab");
    // Not started in bypassPermissions: after plan comes default again.
    await waitForScreen(pane, (text) => statusLine(text).includes("default mode"), "back to default");
    keys(pane, "/mode", "Enter");
    await waitForScreen(pane, (text) => text.includes("mode: default (modes:"), "/mode reporting default");
  });

  it("counts a running background command in the status line; its result arrives above the input and wakes a turn", {
    timeout: 120_000,
  }, async () => {
    // The default mode: `sleep 3; echo built` reads only, so it runs without a question.
    const pane = launch("background", "NO_COLOR=1 TERM=xterm-256color", "");
    await waitForScreen(pane, (text) => text.includes("/help for commands") && atPrompt(text), "the prompt");
    keys(pane, "build in the background", "Enter");
    await waitForScreen(
      pane,
      (text) =>
        text.includes("Started; its result will come by itself.") &&
        statusLine(text).includes("⧗ 1 background"),
      "the status line counting the running command",
    );
    keys(pane, "-l", "half typed");
    const woken = await waitForScreen(
      pane,
      (text) => text.includes("Noted: b1 is done.") && inputLine(text) === "❯ half typed",
      "the result, the woken turn, and the typed line kept",
    );
    // Printed above the prompt on a line of its own, not after the typed text.
    expect(woken).toMatch(/^⏺ background b1 finished · exit 0/m);
    expect(woken).not.toMatch(/half typed.*background b1 finished/);
    const finished = woken.indexOf("background b1 finished");
    expect(finished).toBeGreaterThan(woken.indexOf("Started; its result will come by itself."));
    expect(finished).toBeLessThan(woken.indexOf("Noted: b1 is done."));
    // A command still running when lcc exits is named, then stopped with the session.
    keys(pane, "C-u", "serve in the background", "Enter");
    await waitForScreen(
      pane,
      (text) => atPrompt(text) && statusLine(text).includes("⧗ 1 background"),
      "the second command running",
    );
    keys(pane, "C-d");
    const exited = await waitForScreen(pane, (text) => text.includes("[exited 0]"), "the exit");
    expect(exited).toContain("lcc: stopping 1 background command still running: b2 (sleep 61)");
    const left = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.trim() === "sleep 61");
    expect(left).toEqual([]);
  });
});
