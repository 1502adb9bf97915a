// Drives s01's REPL in a real pseudo-terminal (tmux): type, press Ctrl-C mid-tool and mid-stream, exit.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  startFakeApi,
  text,
  toolUse,
  tsxBin,
} from "@lcc/testkit";
import { isCommandAvailable, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";

const addCleanup = useCleanups();
const mainPath = fileURLToPath(new URL("./main.ts", import.meta.url));
const hasTmux = isCommandAvailable("tmux", ["-V"]);

function createTerminal(command: string) {
  const socket = `lcc-s01-${process.pid}-${Date.now()}`;
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

describe.skipIf(!hasTmux)("s01 REPL in a real terminal", () => {
  it("Ctrl-C interrupts a running tool and a streaming answer, then Ctrl-C on an empty prompt exits", async () => {
    const workspace = await createTempWorkspace();
    const fake = await startFakeApi({
      script: [
        reply(text("Running a slow command."), toolUse("bash", { command: "sleep 30" })),
        {
          ...reply(text("This answer streams very slowly so that it can be interrupted by the user.")),
          chunkDelayMs: 150,
        },
        reply(text("Back at work.")),
      ],
    });
    const env = `ANTHROPIC_API_KEY=test ANTHROPIC_BASE_URL=${fake.baseURL} NO_COLOR=1`;
    const terminal = createTerminal(`env ${env} ${tsxBin} ${mainPath} --cwd ${workspace.dir}`);
    addCleanup(workspace.cleanup, fake.close, terminal.close);
    await waitFor(() => /s01 >/.test(terminal.screen()), "the prompt", terminal.screen);
    terminal.type("run something slow");
    terminal.press("Enter");
    await waitFor(() => terminal.screen().includes("⏺ bash(sleep 30)"), "the tool call", terminal.screen);
    terminal.press("C-c");
    await waitFor(
      () => terminal.screen().includes("interrupted by user"),
      "the interrupted result",
      terminal.screen,
    );

    terminal.type("talk slowly");
    terminal.press("Enter");
    await waitFor(() => terminal.screen().includes("This answer"), "streamed text", terminal.screen);
    terminal.press("C-c");
    await waitFor(
      () => terminal.screen().match(/\^C interrupted[\s\S]*\^C interrupted/) !== null,
      "second interrupt",
      terminal.screen,
    );

    terminal.type("carry on");
    terminal.press("Enter");
    await waitFor(() => terminal.screen().includes("Back at work."), "the third answer", terminal.screen);
    terminal.press("C-c");
    await waitFor(() => !terminal.isRunning(), "the REPL to exit", terminal.screen);
    assertPairingInvariant(fake.messageRequests());
    expect(fake.messageRequests()).toHaveLength(3);
  }, 40_000);

  it("Ctrl-C during a turn puts the lines typed meanwhile back at the prompt, unsent, for Enter to send", async () => {
    const workspace = await createTempWorkspace();
    const fake = await startFakeApi({
      script: [reply(toolUse("bash", { command: "sleep 30" })), reply(text("Got the second thought."))],
    });
    const env = `ANTHROPIC_API_KEY=test ANTHROPIC_BASE_URL=${fake.baseURL} NO_COLOR=1`;
    const terminal = createTerminal(`env ${env} ${tsxBin} ${mainPath} --cwd ${workspace.dir}`);
    addCleanup(workspace.cleanup, fake.close, terminal.close);
    await waitFor(() => /s01 >/.test(terminal.screen()), "the prompt", terminal.screen);
    terminal.type("start a slow job");
    terminal.press("Enter");
    await waitFor(() => terminal.screen().includes("⏺ bash(sleep 30)"), "the tool call", terminal.screen);
    terminal.type("second thought");
    terminal.press("Enter");
    terminal.press("C-c");
    await waitFor(
      () => /s01 > second thought\s*$/.test(terminal.screen().trimEnd()),
      "the typed-ahead line back at the prompt",
      terminal.screen,
    );
    expect(terminal.screen()).toContain("what you typed meanwhile is back at the prompt");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.messageRequests()).toHaveLength(1);
    terminal.press("Enter");
    await waitFor(() => terminal.screen().includes("Got the second thought."), "the answer", terminal.screen);
    const last = fake.messageRequests()[1]!.body.messages.at(-1)!;
    expect(JSON.stringify(last.content)).toContain("second thought");
    assertPairingInvariant(fake.messageRequests());
  }, 40_000);
});
