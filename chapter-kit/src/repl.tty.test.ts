// Drives the chapter REPL (runChapterMain + runRepl) in a real pseudo-terminal (tmux) with a stand-in
// chapter whose turns wait for Ctrl-C: type, interrupt a turn, take typed-ahead lines back, exit. The stand-ins
// are bundled once for the file (testkit's bundleScript), so each terminal starts one plain node process.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bundleScript, createTempWorkspace } from "@lcc/testkit";
import { isCommandAvailable, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";

const addCleanup = useCleanups();
const mainPath = fileURLToPath(new URL("./fixtures/waiting-chapter-main.ts", import.meta.url));
const keyedPath = fileURLToPath(new URL("./fixtures/mode-cycling-repl-main.ts", import.meta.url));
const hasTmux = isCommandAvailable("tmux", ["-V"]);

function createTerminal(command: string) {
  const socket = `lcc-kit-${process.pid}-${Date.now()}`;
  const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  tmux("new-session", "-d", "-s", "main", "-x", "120", "-y", "40", command);
  return {
    type: (keys: string) => tmux("send-keys", "-t", "main", "-l", keys),
    press: (key: string) => tmux("send-keys", "-t", "main", key),
    screen: () => {
      try {
        return tmux("capture-pane", "-p", "-t", "main", "-S", "-100");
      } catch {
        return "";
      }
    },
    isRunning: () => {
      try {
        tmux("has-session", "-t", "main");
        return true;
      } catch {
        return false;
      }
    },
    close: () => {
      try {
        tmux("kill-server");
      } catch {
        // already gone
      }
    },
  };
}

async function waitFor(check: () => boolean, what: string, screen: () => string, timeoutMs = 15_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the stand-in chapter in a terminal on a temp workspace, with a key so `start` opens the REPL. */
async function setup() {
  const workspace = await createTempWorkspace();
  // The key is never used: the stand-in chapter does not call the model.
  const env = "ANTHROPIC_API_KEY=test ANTHROPIC_BASE_URL=http://127.0.0.1:9 NO_COLOR=1";
  const terminal = createTerminal(
    `env ${env} ${process.execPath} ${await bundleScript(mainPath)} --cwd ${workspace.dir}`,
  );
  addCleanup(workspace.cleanup, terminal.close);
  const waitForScreen = (what: string, check: (screen: string) => boolean) =>
    waitFor(() => check(terminal.screen()), what, terminal.screen);
  await waitForScreen("the prompt", (screen) => screen.includes("kit >"));
  return { terminal, waitForScreen };
}

/** The screen's last non-blank line, trailing spaces dropped (capture-pane drops them too). */
const lastLine = (screen: string) => screen.trimEnd().split("\n").at(-1)?.trimEnd() ?? "";

describe.skipIf(!hasTmux)("the chapter REPL in a real terminal", () => {
  it("Ctrl-C aborts the running turn only; Ctrl-C clears a typed line; Ctrl-C on an empty prompt exits", async () => {
    const { terminal, waitForScreen } = await setup();
    terminal.type("first job");
    terminal.press("Enter");
    await waitForScreen("the turn", (screen) => screen.includes("working on: first job"));
    terminal.press("C-c");
    await waitForScreen("the aborted turn", (screen) => screen.includes("aborted: first job"));
    expect(terminal.screen()).toContain("^C interrupted");

    terminal.type("quick check");
    terminal.press("Enter");
    await waitForScreen("the next turn", (screen) => screen.includes("done: quick check"));

    terminal.type("never sent");
    await waitForScreen("the typed line", (screen) => /kit > never sent\s*$/.test(screen.trimEnd()));
    terminal.press("C-c");
    await waitForScreen("the cleared line", (screen) => /kit >\s*$/.test(screen.trimEnd()));
    expect(terminal.isRunning()).toBe(true);
    terminal.press("C-c");
    await waitFor(() => !terminal.isRunning(), "the REPL to exit", terminal.screen);
  }, 40_000);

  it("Ctrl-C during a turn puts the lines typed meanwhile back at the prompt, unsent, for Enter to send", async () => {
    const { terminal, waitForScreen } = await setup();
    terminal.type("start a slow job");
    terminal.press("Enter");
    await waitForScreen("the turn", (screen) => screen.includes("working on: start a slow job"));
    terminal.type("quick second thought");
    terminal.press("Enter");
    terminal.press("C-c");
    await waitForScreen("the typed-ahead line back at the prompt", (screen) =>
      /kit > quick second thought\s*$/.test(screen.trimEnd()),
    );
    expect(terminal.screen()).toContain("what you typed meanwhile is back at the prompt");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(terminal.screen()).not.toContain("working on: quick second thought");
    terminal.press("Enter");
    await waitForScreen("the sent line", (screen) => screen.includes("done: quick second thought"));
  }, 40_000);

  it("keeps keys typed during a turn off the answer, and Ctrl-C clears them wherever the cursor is", async () => {
    const { terminal, waitForScreen } = await setup();
    terminal.type("go");
    terminal.press("Enter");
    await waitForScreen("the turn", (screen) => screen.includes("working on: go"));
    terminal.type("abc");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Typed without Enter during the turn: not drawn inside the turn's output.
    expect(terminal.screen()).not.toContain("abc");
    terminal.press("C-c");
    await waitForScreen("the unsent text back at the prompt", (screen) =>
      /kit > abc\s*$/.test(screen.trimEnd()),
    );
    terminal.press("Left");
    terminal.press("Left");
    terminal.press("C-c");
    await waitForScreen("the whole line cleared", (screen) => /kit >\s*$/.test(screen.trimEnd()));
    terminal.type("quick /cost");
    terminal.press("Enter");
    await waitForScreen("the line sent as typed", (screen) => screen.includes("done: quick /cost"));
    expect(terminal.screen()).not.toMatch(/working on: .*abc/);
  }, 40_000);

  it("answers the ask channel from the terminal: the answer never becomes a prompt", async () => {
    const { terminal, waitForScreen } = await setup();
    terminal.type("ask me");
    terminal.press("Enter");
    await waitForScreen(
      "the question",
      (screen) => screen.includes("╭─ test") && screen.includes("│ Go ahead?") && screen.includes("answer ›"),
    );
    terminal.type("maybe");
    terminal.press("Enter");
    await waitForScreen("the hint for an answer that names no choice", (screen) =>
      screen.includes("Type 1–2"),
    );
    terminal.type("2 not now");
    terminal.press("Enter");
    await waitForScreen("the answer", (screen) =>
      screen.includes('answer: {"kind":"choice","key":"n","text":"not now"}'),
    );
    await waitForScreen("the prompt again", (screen) => /kit >\s*$/.test(screen.trimEnd()));
    expect(terminal.screen()).not.toContain("working on: 2 not now");
    expect(terminal.screen()).not.toContain("working on: maybe");
  }, 40_000);

  it("hands Shift+Tab to onKey and draws the prompt again, read anew, keeping what was typed", async () => {
    const terminal = createTerminal(`${process.execPath} ${await bundleScript(keyedPath)}`);
    addCleanup(terminal.close);
    const waitForScreen = (what: string, check: (screen: string) => boolean) =>
      waitFor(() => check(terminal.screen()), what, terminal.screen);
    await waitForScreen("the prompt", (screen) => lastLine(screen) === "kit >");
    terminal.type("half typed");
    terminal.press("BTab");
    await waitForScreen(
      "the prompt with the mode",
      (screen) => lastLine(screen) === "[fast] kit > half typed",
    );
    terminal.press("Enter");
    await waitForScreen("the line sent in the new mode", (screen) =>
      screen.includes('got "half typed" in fast'),
    );
    terminal.press("BTab");
    terminal.press("BTab");
    await waitForScreen("back to the plain prompt", (screen) => lastLine(screen) === "kit >");
    terminal.press("Tab");
    terminal.type("x");
    terminal.press("Enter");
    await waitForScreen("a plain Tab left to readline", (screen) => screen.includes('got "x" in default'));
    expect(terminal.screen()).not.toContain("[Z");
  }, 40_000);

  it.skipIf(!hasTmux)(
    "prints what arrives at an idle prompt above it, keeping the typed line",
    async () => {
      const terminal = createTerminal(`${process.execPath} ${await bundleScript(keyedPath)}`);
      addCleanup(terminal.close);
      const waitForScreen = (what: string, check: (screen: string) => boolean) =>
        waitFor(() => check(terminal.screen()), what, terminal.screen);
      await waitForScreen("the prompt", (screen) => lastLine(screen) === "kit >");
      terminal.type("later");
      terminal.press("Enter");
      await waitForScreen("the line handled", (screen) => screen.includes('got "later" in default'));
      terminal.type("half typed");
      await waitForScreen("the message above the prompt", (screen) =>
        screen.includes("⏺ arrived while idle"),
      );
      const lines = terminal.screen().trimEnd().split("\n");
      expect(lines.at(-2)).toBe("⏺ arrived while idle");
      expect(lines.at(-1)?.trimEnd()).toBe("kit > half typed");
      terminal.press("Enter");
      await waitForScreen("the typed line sent", (screen) => screen.includes('got "half typed" in default'));
    },
    40_000,
  );
});
