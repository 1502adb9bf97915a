// The TUI's screen on the real `lcc` in tmux: an answer with Markdown, folded tool output and an edit's diff,
// redrawn when the terminal shrinks to 60 columns with no row wider than that; with NO_COLOR not one
// escape code on the screen (answer, dialog, completion list).
import { readFileSync } from "node:fs";
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
import { visibleWidth } from "@mariozechner/pi-tui";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atPrompt, statusLine } from "../terminal/tmux-driver.ts";
import { inputRows, launchPtyLcc, type PtyLcc, rowsBelowInput } from "./pty-lcc.ts";

const hasTmux = isCommandAvailable("tmux", ["-V"]);

const ANSWER = [
  "# Release notes",
  "",
  `The build now ${"runs faster and ".repeat(8)}stays green.`,
  "",
  "- first point",
  "- second point",
  "",
  "```ts",
  `export const longLine = "${"x".repeat(90)}";`,
  "```",
  "",
  "| file | change |",
  "|------|--------|",
  `| src/app.ts | ${"renamed the answer ".repeat(4)}|`,
  "",
  "All done.",
].join("\n");

/** One turn: a command with long output, an edit, then the Markdown answer. */
function script(request: RecordedRequest) {
  const id = `toolu_screen_${request.index}`;
  const previous = JSON.stringify(request.body.messages.at(-2)?.content ?? "");
  if (request.body.messages.length === 1) return reply(toolUse("bash", { command: "cat numbers.txt" }, id));
  if (previous.includes('"name":"bash"')) {
    const edit = { path: "src/app.ts", old_text: "answer = 41", new_text: "answer = 42" };
    return reply(toolUse("edit_file", edit, id));
  }
  return reply(text(ANSWER));
}

/** Rows of `screen` wider than `columns` (visible width), with their widths. */
function widerThan(screen: string, columns: number): string[] {
  return screen
    .split("\n")
    .filter((row) => visibleWidth(row) > columns)
    .map((row) => `${visibleWidth(row)}: ${row}`);
}

describe.skipIf(!hasTmux)("the TUI's screen in a real terminal", () => {
  let workspace: Awaited<ReturnType<typeof createTempWorkspace>>;
  let fake: Awaited<ReturnType<typeof startFakeApi>>;
  let lcc: PtyLcc | undefined;

  beforeAll(async () => {
    fake = await startFakeApi({ script });
  });
  afterAll(async () => {
    lcc?.close();
    await fake?.close();
  });

  const start = async (name: string, options: { env?: Record<string, string>; flags?: string[] }) => {
    lcc?.close();
    await workspace?.cleanup();
    workspace = await createTempWorkspace({
      files: {
        "numbers.txt": Array.from({ length: 60 }, (_, index) => `line ${index + 1}\n`).join(""),
        "src/app.ts": "// the app\nexport const answer = 41;\nexport const other = 1;\n",
      },
      git: true,
    });
    const started = launchPtyLcc({
      socket: `lcc-${name}-${process.pid}`,
      workspace: workspace.dir,
      baseURL: fake.baseURL,
      ...options,
    });
    lcc = started;
    await started.ready();
    return started;
  };

  /** Sends the prompt and waits for the whole turn (command, edit, answer). */
  const runTurn = async (tty: PtyLcc, whileAsked?: (screen: string) => void) => {
    tty.type("show me everything");
    tty.press("Enter");
    if (whileAsked) {
      const asked = await tty.waitFor((screen) => screen.includes("╰─ ↑/↓ Enter"), "the permission dialog");
      whileAsked(asked);
      tty.press("y");
    }
    return tty.waitFor((screen) => screen.includes("All done.") && atPrompt(screen), "the whole turn");
  };

  it("draws Markdown, folded output and the edit's diff, and redraws all of it within 60 columns", async () => {
    const tty = await start("narrow", { flags: ["--permission-mode", "acceptEdits"] });
    const wide = await runTurn(tty);
    expect(wide).toMatch(/⏺ bash\(cat numbers\.txt\)/);
    expect(wide).toMatch(/… \+\d+ lines \(\d+ B\)/);
    expect(wide).toMatch(/^\s+2 - export const answer = 41;$/m);
    expect(wide).toMatch(/^\s+2 \+ export const answer = 42;$/m);
    expect(wide).toContain("┌──");
    expect(wide).not.toContain("# Release notes"); // rendered as a heading, not shown as typed
    expect(readFileSync(join(workspace.dir, "src/app.ts"), "utf8")).toContain("answer = 42");
    expect(tty.screen({ escapes: true })).toContain("\u001b[");
    expect(widerThan(tty.screen({ history: true }), 100)).toEqual([]);

    tty.driver.tmux("resize-window", "-t", tty.pane, "-x", "60", "-y", "40");
    const narrow = await tty.waitFor(
      (screen) => screen.split("\n").some((row) => row === "─".repeat(60)) && atPrompt(screen),
      "the redraw at 60 columns",
    );
    // Everything, scrollback included (wrapped rows joined), was drawn again at the new width.
    expect(widerThan(tty.screen({ history: true }), 60)).toEqual([]);
    expect(narrow).toContain("All done.");
    expect(statusLine(narrow)).toMatch(/accept edits/);
    const history = tty.screen({ history: true });
    expect(history).toMatch(/… \+\d+ lines \(\d+ B\)/);
    expect(history).toMatch(/^\s+2 \+ export const answer = 42;$/m);

    tty.type(`a long message ${"that keeps going ".repeat(8)}`);
    await tty.waitFor((screen) => inputRows(screen).length >= 3, "the input wrapped");
    tty.press("C-c");
    tty.type("/co");
    const listed = await tty.waitFor(
      (screen) => rowsBelowInput(screen).some((row) => row.includes("/compact")),
      "the slash list",
    );
    expect(widerThan(listed, 60)).toEqual([]);
    tty.press("Escape");
    await tty.waitFor((screen) => rowsBelowInput(screen).length === 1, "the list closed");
    tty.press("C-c");
    await tty.waitFor((screen) => atPrompt(screen), "the input cleared");
    assertPairingInvariant(fake.requests);
  });

  it("puts not one escape code on the screen with NO_COLOR (answer, dialog, completion list)", async () => {
    const tty = await start("plain", { env: { NO_COLOR: "1" } });
    const escapes = () => tty.screen({ escapes: true, history: true });
    await runTurn(tty, () => expect(escapes()).not.toContain("\u001b"));
    expect(tty.screen()).toMatch(/… \+\d+ lines/);
    expect(escapes()).not.toContain("\u001b");
    tty.type("/");
    await tty.waitFor(
      (screen) => rowsBelowInput(screen).some((row) => row.includes("/help")),
      "the slash list",
    );
    expect(escapes()).not.toContain("\u001b");
    tty.press("Escape");
    await tty.waitFor((screen) => rowsBelowInput(screen).length === 1, "the list closed");
    tty.press("C-u", "C-d");
    await tty.waitFor((screen) => screen.includes("[exited 0]"), "the exit");
    expect(escapes()).not.toContain("\u001b");
    assertPairingInvariant(fake.requests);
  });
});
