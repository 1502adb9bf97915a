// The TUI in-process: a real session against the fake API on a virtual terminal. The answer under the
// echoed message with its footer, the status line, Ctrl-C (interrupt / clear / hint then exit), Esc,
// SIGINT, Ctrl-D, Shift+Tab, a resize to 60 columns, the banner, the first prompt; pairing after turns.
import { join } from "node:path";
import { assertPairingInvariant, type RecordedRequest, reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { loadInputHistory } from "./input-history.ts";
import { startTui } from "./tui-harness.ts";

const addCleanup = useCleanups();
const LONG_ANSWER = `Streaming slowly: ${"word ".repeat(150)}THE-END`;

/** The text of the latest user message's last text block (what was typed). */
function latestPrompt(request: RecordedRequest): string {
  const content = request.body.messages.at(-1)?.content;
  if (typeof content === "string") return content;
  const texts = (content ?? []).flatMap((block) => (block.type === "text" ? [block.text] : []));
  return texts.filter((block) => !block.startsWith("<system-reminder>")).at(-1) ?? "";
}

function script(request: RecordedRequest) {
  const prompt = latestPrompt(request);
  if (prompt === "stream please") return { ...reply(text(LONG_ANSWER)), chunkDelayMs: 30 };
  return reply(text(`You said: ${prompt}.`));
}

describe("runTui", () => {
  it("answers under the echoed message with a footer, shows the status line, and exits on a second Ctrl-C", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script, { banner: "lcc test · model x\n/help for commands\n\n" });
    addCleanup(() => tui.close());
    await tui.waitForScreen((screen) => screen.includes("/help for commands"), "the banner");
    expect(tui.screen()).toMatch(/default mode \(shift\+tab\)/);
    await tui.type("hello");
    expect(tui.input()).toBe("hello");
    await tui.type("\r");
    const answered = await tui.waitForScreen(
      (screen) => screen.includes("You said: hello.") && /cached\)/.test(screen),
      "the answer and its footer",
    );
    expect(answered).toMatch(/❯ hello/);
    expect(answered.indexOf("❯ hello")).toBeLessThan(answered.indexOf("You said: hello."));
    expect(answered).toMatch(/· [\d.]+s · .* in \(\d+% cached\) · .* out/);
    expect(answered).toMatch(/ctx \d+% · cache \d+%/);
    expect(tui.input()).toBe("");

    await tui.type("\x03");
    await tui.waitForScreen((screen) => screen.includes("press Ctrl-C again to exit"), "the exit hint");
    expect(tui.exited()).toBe(false);
    await tui.type("\x03");
    await tui.done;
    expect(tui.fake.messageRequests()).toHaveLength(1);
    assertPairingInvariant(tui.fake.requests);
  });

  it("Ctrl-C clears typed text first; Ctrl-D deletes forward in text and exits on an empty input", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("draft");
    await tui.type("\x03");
    expect(tui.input()).toBe("");
    expect(tui.screen()).toContain("input cleared (Ctrl-C twice on an empty input exits)");
    expect(tui.screen()).not.toContain("press Ctrl-C again");
    await tui.type("abc\x01\x04"); // Ctrl-A then Ctrl-D: the "a" goes
    expect(tui.input()).toBe("bc");
    expect(tui.exited()).toBe(false);
    await tui.type("\x03\x04");
    await tui.done;
    expect(tui.fake.messageRequests()).toHaveLength(0);
  });

  it("recalls sent messages with ↑ and Ctrl-R, multi-line ones whole, and keeps them in the history file", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("first message\r");
    await tui.waitForScreen((screen) => screen.includes("You said: first message."), "the first answer");
    await tui.type("second\x1b[13;2~line\r"); // Shift+Enter between the lines
    await tui.waitForScreen((screen) => screen.includes("You said: second\nline."), "the second answer");
    await tui.type("\x1b[A");
    expect(tui.input()).toBe("second\nline");
    await tui.type("\x03\x12"); // Ctrl-C clears, Ctrl-R searches
    await tui.waitForScreen((screen) => screen.includes("search history"), "the search");
    await tui.type("first");
    await tui.type("\r");
    expect(tui.input()).toBe("first message");
    expect(loadInputHistory(join(tui.workspace, ".lcc", "history"))).toEqual([
      "first message",
      "second\nline",
    ]);
  });

  it("keeps a pasted block one message, collapsed in the input until it is sent whole", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    const pasted = Array.from({ length: 40 }, (_, index) => `pasted line ${index + 1}`).join("\n");
    await tui.type(`look at this: \x1b[200~${pasted}\x1b[201~`);
    expect(tui.input()).toBe("look at this: [paste #1 +40 lines]");
    await tui.type("\r");
    await tui.waitForScreen((screen) => screen.includes("pasted line 40."), "the answer");
    // The transcript keeps the paste collapsed, as the input showed it; the model gets every line.
    const transcript = tui.terminal.scrollback().join("\n");
    expect(transcript).toContain("❯ look at this: [paste #1 +40 lines]");
    expect(transcript).not.toContain("❯ look at this: pasted line 1");
    const requests = tui.fake.messageRequests();
    expect(requests).toHaveLength(1);
    expect(JSON.stringify(requests[0]?.body.messages.at(-1))).toContain(
      JSON.stringify(`look at this: ${pasted}`).slice(1, -1),
    );
  });

  it("interrupts a streaming answer with Ctrl-C, then with Esc, then with SIGINT; the next turn still pairs", {
    timeout: 60_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    for (const interrupt of ["ctrl-c", "escape", "sigint"]) {
      await tui.type("stream please\r");
      const streaming = await tui.waitForScreen(
        (screen) => screen.includes("Streaming slowly") && screen.includes("esc to interrupt"),
        `the stream before ${interrupt}`,
      );
      expect(streaming).toMatch(/⠋|⠙|⠹|⠸|⠼|⠴|⠦|⠧|⠇|⠏/);
      if (interrupt === "ctrl-c") await tui.type("\x03");
      else if (interrupt === "escape") await tui.type("\x1b");
      else tui.sigint.emit("SIGINT");
      await tui.waitForScreen(
        (screen) =>
          (screen.match(/⏹ Interrupted/g) ?? []).length ===
          ["ctrl-c", "escape", "sigint"].indexOf(interrupt) + 1,
        `the interrupt by ${interrupt}`,
      );
      await tui.waitForScreen((screen) => !screen.includes("esc to interrupt"), "the activity line gone");
      expect(tui.screen()).not.toContain("THE-END");
    }
    await tui.type("after\r");
    await tui.waitForScreen((screen) => screen.includes("You said: after."), "the answer after");
    const last = tui.fake.messageRequests().at(-1)?.body.messages ?? [];
    expect(JSON.stringify(last)).toContain("Streaming slowly");
    assertPairingInvariant(tui.fake.requests);
  });

  it("clears the screen and draws it again on Ctrl-L (after another program wrote over it)", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("hi\r");
    await tui.waitForScreen((screen) => screen.includes("You said: hi."), "the answer");
    tui.terminal.write("\x1b[2;1HSTRAY OUTPUT FROM ELSEWHERE");
    await tui.waitForScreen((screen) => screen.includes("STRAY OUTPUT"), "the stray text");
    await tui.type("\x0c");
    const redrawn = await tui.waitForScreen((screen) => !screen.includes("STRAY OUTPUT"), "the redraw");
    expect(redrawn).toContain("You said: hi.");
    expect(redrawn).toMatch(/default mode \(shift\+tab\)/);
    expect(tui.input()).toBe("");
  });

  it("cycles the mode with Shift+Tab in the status line, without a transcript line", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("\x1b[Z");
    await tui.waitForScreen((screen) => screen.includes("⏵⏵ accept edits (shift+tab)"), "accept edits");
    expect(tui.session.core.setup.permissions.mode()).toBe("acceptEdits");
    await tui.type("\x1b[Z");
    await tui.waitForScreen((screen) => screen.includes("⏸ plan mode (shift+tab)"), "plan mode");
    await tui.type("\x1b[Z");
    await tui.waitForScreen((screen) => screen.includes("default mode (shift+tab)"), "default again");
    expect(tui.screen()).not.toMatch(/permission mode/i);
  });

  it("redraws within 60 columns after a resize: rules, input and status line fit, the transcript stays", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script, { columns: 100, rows: 20 });
    addCleanup(() => tui.close());
    await tui.type("hello there\r");
    await tui.waitForScreen((screen) => screen.includes("You said: hello there."), "the answer");
    tui.terminal.resize(60, 20);
    const resized = await tui.waitForScreen(
      (screen) => screen.split("\n").some((line) => line === "─".repeat(60)),
      "rules 60 wide",
    );
    expect(resized).toContain("You said: hello there.");
    expect(resized.split("\n").some((line) => line === "─".repeat(100))).toBe(false);
    await tui.type("typed after the resize");
    expect(tui.input()).toBe("typed after the resize");
    expect(tui.exited()).toBe(false);
  });

  it('sends the first prompt (lcc "…") before the input is used, and /exit leaves', {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script, { initialPrompt: "fix the tests" });
    addCleanup(() => tui.close());
    await tui.waitForScreen((screen) => screen.includes("You said: fix the tests."), "the first answer");
    await tui.type("/exit\r");
    await tui.done;
    expect(tui.fake.messageRequests()).toHaveLength(1);
  });
});
