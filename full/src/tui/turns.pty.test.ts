// Turns in the TUI on the real `lcc` in tmux: a message typed during a tool call steers the next request,
// Esc and Ctrl-C interrupt (what was typed meanwhile comes back to the input), the permission dialog
// answered with a number key and refused with Esc, Shift+Tab's mode in the status line, the exit hint.
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
import { atPrompt, statusLine } from "../terminal/tmux-driver.ts";
import { inputRows, launchPtyLcc, type PtyLcc, typedPrompt } from "./pty-lcc.ts";

const hasTmux = isCommandAvailable("tmux", ["-V"]);

const SLOW_ANSWER = `Streaming slowly: ${"word ".repeat(150)}THE-END`;

/** The fake model: answers by the typed prompt; after a tool's result, a closing line. */
function script(request: RecordedRequest) {
  const last = request.body.messages.at(-1);
  const id = `toolu_turns_${request.index}`;
  if (Array.isArray(last?.content) && last.content.some((block) => block.type === "tool_result"))
    return reply(text("Tool finished."));
  const prompt = typedPrompt(request);
  if (prompt === "stream slowly") return { ...reply(text(SLOW_ANSWER)), chunkDelayMs: 30 };
  if (prompt === "run the build") return reply(toolUse("bash", { command: "sleep 2; echo built" }, id));
  if (prompt === "write one") return reply(toolUse("write_file", { path: "one.txt", content: "1\n" }, id));
  if (prompt === "write two") return reply(toolUse("write_file", { path: "two.txt", content: "2\n" }, id));
  return reply(text(`Reply number ${request.index}.`));
}

describe.skipIf(!hasTmux)("turns in the TUI in a real terminal", () => {
  let workspace: Awaited<ReturnType<typeof createTempWorkspace>>;
  let fake: Awaited<ReturnType<typeof startFakeApi>>;
  let lcc: PtyLcc;
  const requestsWith = (needle: string) =>
    fake.messageRequests().filter((request) => JSON.stringify(request.body.messages).includes(needle));

  beforeAll(async () => {
    workspace = await createTempWorkspace({ files: { "README.md": "# turns\n" }, git: true });
    fake = await startFakeApi({ script });
    lcc = launchPtyLcc({
      socket: `lcc-turns-${process.pid}`,
      workspace: workspace.dir,
      baseURL: fake.baseURL,
    });
    await lcc.ready();
  });
  afterAll(async () => {
    lcc?.close();
    await fake?.close();
    await workspace?.cleanup();
  });

  it("sends a message typed during a tool call with the tool's result (steering)", async () => {
    lcc.type("run the build");
    lcc.press("Enter");
    await lcc.waitFor((screen) => /Running bash… \(\d+\.\ds/.test(screen), "the tool running");
    lcc.type("also run the linter");
    lcc.press("Enter");
    const queued = await lcc.waitFor(
      (screen) => screen.includes("⧖ queued: also run the linter"),
      "the message shown as queued",
    );
    expect(atPrompt(queued)).toBe(false); // the turn still runs
    expect(inputRows(queued)).toEqual(["❯"]);
    const done = await lcc.waitFor(
      (screen) => screen.includes("Tool finished.") && atPrompt(screen),
      "the turn's end",
    );
    expect(done).not.toContain("⧖ queued");
    expect(done).toMatch(/^❯ also run the linter$/m); // echoed into the transcript once delivered
    const steered = fake.messageRequests().at(-1);
    const blocks = steered?.body.messages.at(-1)?.content;
    expect(Array.isArray(blocks) && blocks[0]).toMatchObject({ type: "tool_result" });
    expect(JSON.stringify(blocks)).toContain("also run the linter");
    expect(JSON.stringify(blocks)).toContain("built");
  });

  it("brings what was typed during a turn back into the input when Esc interrupts it", async () => {
    lcc.type("stream slowly");
    lcc.press("Enter");
    await lcc.waitFor((screen) => screen.includes("Streaming slowly"), "the answer streaming");
    lcc.type("take this back");
    lcc.press("Enter");
    await lcc.waitFor((screen) => screen.includes("⧖ queued: take this back"), "the queued message");
    lcc.type("half typed");
    lcc.press("Escape");
    const interrupted = await lcc.waitFor(
      (screen) => screen.includes("⏹ Interrupted · what you typed meanwhile is back in the input"),
      "the interrupt",
    );
    expect(interrupted).not.toContain("THE-END");
    expect(interrupted).not.toContain("⧖ queued");
    expect(inputRows(interrupted)).toEqual(["❯ take this back", "  half typed"]);
    expect(requestsWith("take this back")).toEqual([]);
    // Ctrl-C with text in the input clears it, says so under the status line, and sends nothing.
    lcc.press("C-c");
    const cleared = await lcc.waitFor(
      (screen) => atPrompt(screen) && screen.includes("input cleared (Ctrl-C twice on an empty input exits)"),
      "the input cleared",
    );
    expect(cleared).not.toContain("press Ctrl-C again");
    expect(requestsWith("half typed")).toEqual([]);
  });

  it("interrupts a streaming answer with Ctrl-C; the partial answer stays in the conversation", async () => {
    lcc.type("stream slowly");
    lcc.press("Enter");
    await lcc.waitFor((screen) => screen.includes("Streaming slowly"), "the answer streaming");
    lcc.press("C-c");
    const stopped = await lcc.waitFor(
      (screen) => /⏹ Interrupted\n/.test(screen) && atPrompt(screen),
      "the interrupt",
    );
    expect(stopped).not.toContain("THE-END");
    const before = fake.messageRequests().length;
    lcc.type("go on");
    lcc.press("Enter");
    await lcc.waitFor(
      (screen) =>
        fake.messageRequests().length > before && /Reply number \d+\./.test(screen) && atPrompt(screen),
      "the next answer",
    );
    const history = JSON.stringify(fake.messageRequests().at(-1)?.body.messages);
    expect(history).toContain("Streaming slowly");
    expect(history).not.toContain("THE-END");
  });

  it("asks before a write in default mode: a number key allows it, Esc refuses it", async () => {
    lcc.type("write one");
    lcc.press("Enter");
    const dialog = await lcc.waitFor((screen) => screen.includes("╰─ ↑/↓ Enter"), "the permission dialog");
    expect(dialog).toMatch(/│ Allow write_file\(one\.txt\)\?/);
    expect(dialog).toMatch(/│ ❯ 1\. yes, once \[y\]/);
    expect(inputRows(dialog)).toEqual([]); // the dialog replaces the input
    lcc.press("1");
    await lcc.waitFor((screen) => screen.includes("Tool finished.") && atPrompt(screen), "the write's turn");
    expect(readFileSync(join(workspace.dir, "one.txt"), "utf8")).toBe("1\n");

    lcc.type("write two");
    lcc.press("Enter");
    await lcc.waitFor((screen) => screen.includes("Allow write_file(two.txt)?"), "the second dialog");
    lcc.press("Escape");
    const refused = await lcc.waitFor(
      (screen) => screen.includes("Tool finished.") && atPrompt(screen) && /two\.txt\)\? → no/.test(screen),
      "the refusal",
    );
    expect(refused).toContain("The user refused write_file(two.txt)");
    expect(existsSync(join(workspace.dir, "two.txt"))).toBe(false);
    const answered = fake.messageRequests().at(-1)?.body.messages.at(-1)?.content;
    expect(Array.isArray(answered) && answered[0]).toMatchObject({ type: "tool_result", is_error: true });
  });

  it("cycles the permission mode with Shift+Tab in the status line; Ctrl-C twice on an empty input exits", async () => {
    expect(statusLine(lcc.screen())).toContain("default mode (shift+tab)");
    lcc.press("BTab");
    await lcc.waitFor((screen) => statusLine(screen).includes("⏵⏵ accept edits (shift+tab)"), "accept edits");
    lcc.press("BTab");
    await lcc.waitFor((screen) => statusLine(screen).includes("⏸ plan mode (shift+tab)"), "plan mode");
    lcc.press("BTab");
    await lcc.waitFor((screen) => statusLine(screen).includes("default mode (shift+tab)"), "default again");
    assertPairingInvariant(fake.requests);
    lcc.press("C-c");
    await lcc.waitFor((screen) => screen.includes("press Ctrl-C again to exit"), "the exit hint");
    lcc.press("C-c");
    await lcc.waitFor((screen) => screen.includes("[exited 0]"), "the exit");
  });
});
