// The question dialog: who asks, the question, the exact detail wrapped (never cut), numbered choices;
// arrows + Enter, a number or a key picks, Esc picks the refusal, Tab adds a reason; an abort answers unavailable.
import type { AskAnswer, AskRequest } from "@lcc/chapter-kit";
import { visibleWidth } from "@mariozechner/pi-tui";
import { describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { AskDialog, createDialogAsk } from "./ask-dialog.ts";

const plain = createColors(false);
const LONG_COMMAND = `rm -rf build && ${"x".repeat(70)} --final-flag`;
const request: AskRequest = {
  source: "permission",
  question: "Allow bash(rm -rf build)?",
  detail: `why it asks: rm needs approval\n${LONG_COMMAND}`,
  takesText: true,
  choices: [
    { key: "y", label: "yes, once" },
    { key: "s", label: "yes, for this session" },
    { key: "n", label: "no, and tell the model what to do instead" },
  ],
};

function open(width = 60, asked: AskRequest = request) {
  const answers: AskAnswer[] = [];
  const dialog = new AskDialog(asked, plain, (answer) => answers.push(answer));
  return { dialog, answers, screen: () => dialog.render(width) };
}

describe("AskDialog", () => {
  it("draws the source, the question, the whole detail wrapped within the width, and numbered choices", () => {
    const { screen } = open(40);
    const lines = screen();
    expect(lines[0]).toBe("╭─ permission");
    expect(lines[1]).toBe("│ Allow bash(rm -rf build)?");
    expect(lines).toContain("│ why it asks: rm needs approval");
    // Every character of the long command is on screen, across lines.
    const joined = lines.map((line) => line.replace(/^│ ?/, "")).join("");
    expect(joined.replace(/\s/g, "")).toContain(LONG_COMMAND.replace(/\s/g, ""));
    expect(lines).toContain("│ ❯ 1. yes, once [y]");
    expect(lines).toContain("│   2. yes, for this session [s]");
    expect(lines.at(-1)).toBe("╰─ ↑/↓ Enter · 1–3 or y/s/n · Esc: no ·…");
    expect(open(100).screen().at(-1)).toBe("╰─ ↑/↓ Enter · 1–3 or y/s/n · Esc: no · Tab: add a reason");
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.join("\n")).not.toContain("\u001b");
  });

  it("moves with ↑/↓ (wrapping) and picks with Enter", () => {
    const { dialog, answers, screen } = open();
    dialog.handleInput("\x1b[B");
    expect(screen()).toContain("│ ❯ 2. yes, for this session [s]");
    dialog.handleInput("\x1b[A");
    dialog.handleInput("\x1b[A");
    expect(screen().some((line) => line.startsWith("│ ❯ 3. no"))).toBe(true);
    dialog.handleInput("\r");
    expect(answers).toEqual([{ kind: "choice", key: "n" }]);
    dialog.handleInput("\r");
    expect(answers).toHaveLength(1);
  });

  it("picks by number or by key at once, and Esc picks the last choice", () => {
    const byNumber = open();
    byNumber.dialog.handleInput("2");
    expect(byNumber.answers).toEqual([{ kind: "choice", key: "s" }]);
    const byKey = open();
    byKey.dialog.handleInput("Y");
    expect(byKey.answers).toEqual([{ kind: "choice", key: "y" }]);
    const escaped = open();
    escaped.dialog.handleInput("x");
    escaped.dialog.handleInput("9");
    expect(escaped.answers).toEqual([]);
    escaped.dialog.handleInput("\x1b");
    expect(escaped.answers).toEqual([{ kind: "choice", key: "n" }]);
  });

  it("Tab opens a reason line; what is typed there (keys included) goes with the answer", () => {
    const { dialog, answers, screen } = open();
    dialog.handleInput("\t");
    for (const key of "use pnpm, not npx") dialog.handleInput(key);
    dialog.handleInput("\x7f");
    dialog.handleInput("x");
    expect(screen()).toContain("│ reason: use pnpm, not npx▏");
    dialog.handleInput("\x1b");
    expect(answers).toEqual([{ kind: "choice", key: "n", text: "use pnpm, not npx" }]);
  });
});

describe("AskDialog for a question that takes no text", () => {
  it("offers no reason line: no Tab hint, and Tab types nothing", () => {
    const { dialog, answers, screen } = open(60, { ...request, takesText: false });
    expect(screen().join("\n")).not.toContain("Tab");
    dialog.handleInput("\t");
    dialog.handleInput("y");
    expect(screen().join("\n")).not.toContain("reason:");
    expect(answers).toEqual([{ kind: "choice", key: "y" }]);
  });
});

describe("createDialogAsk", () => {
  it("shows one dialog, hides it on the answer and records it; an abort closes it and answers unavailable", async () => {
    const shown: AskDialog[] = [];
    const hidden: AskDialog[] = [];
    const recorded: string[] = [];
    const ask = createDialogAsk({
      colors: plain,
      show: (dialog) => shown.push(dialog),
      hide: (dialog) => hidden.push(dialog),
      answered: (question, answer) => recorded.push(`${question.source}:${JSON.stringify(answer)}`),
    });
    const first = ask(request, new AbortController().signal);
    shown[0]?.handleInput("1");
    expect(await first).toEqual({ kind: "choice", key: "y" });
    expect(hidden).toEqual(shown);
    expect(recorded).toEqual(['permission:{"kind":"choice","key":"y"}']);

    const controller = new AbortController();
    const second = ask(request, controller.signal);
    controller.abort();
    expect(await second).toEqual({ kind: "unavailable", reason: "the turn was interrupted" });
    expect(hidden).toHaveLength(2);
    shown[1]?.handleInput("1");
    expect(recorded).toHaveLength(1);

    const aborted = new AbortController();
    aborted.abort();
    expect(await ask(request, aborted.signal)).toMatchObject({ kind: "unavailable" });
    expect(shown).toHaveLength(2);
  });
});
