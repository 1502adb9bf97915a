// The agent's questions (s07 permission, s08 trust, s19 MCP approval) as a dialog in place of the input:
// who asks, the question, the exact detail (wrapped, never cut), numbered choices; ↑/↓ + Enter, a number
// or a choice's key picks, Esc picks the last choice (the refusal), Tab adds a reason that goes with the answer.
import type { AskAnswer, AskRequest, AskUser } from "@lcc/chapter-kit";
import { type Component, decodeKittyPrintable, matchesKey, wrapTextWithAnsi } from "@mariozechner/pi-tui";
import type { Colors } from "../terminal/colors.ts";
import { fitWidth } from "./fit-width.ts";

/** The dialog for one question; `onAnswer` is called once, with the picked choice (and any reason typed). */
export class AskDialog implements Component {
  private selected = 0;
  /** The reason typed after Tab; undefined while not typing one. */
  private reason: string | undefined;
  private answered = false;

  constructor(
    private readonly request: AskRequest,
    private readonly colors: Colors,
    private readonly onAnswer: (answer: AskAnswer) => void,
  ) {}

  render(width: number): string[] {
    const { colors, request } = this;
    const bar = colors.gray("│");
    const inner = Math.max(1, width - 2);
    const wrap = (text: string) => (text === "" ? [""] : wrapTextWithAnsi(text, inner));
    const body = [
      ...wrap(colors.bold(request.question)),
      ...(request.detail ? request.detail.split("\n").flatMap(wrap) : []),
      "",
      ...request.choices.flatMap((choice, index) => {
        const chosen = index === this.selected;
        const text = `${chosen ? "❯" : " "} ${index + 1}. ${choice.label} ${colors.dim(`[${choice.key}]`)}`;
        return wrapTextWithAnsi(chosen ? colors.cyan(text) : text, inner);
      }),
      ...(this.reason === undefined
        ? []
        : wrap(`${colors.dim("reason:")} ${this.reason}${colors.cyan("▏")}`)),
    ];
    // The refusal's first word: "no, and tell the model…" → "no", "cancel" → "cancel".
    const last = (request.choices.at(-1)?.label ?? "no").split(/[\s,(]/)[0];
    const keys =
      this.reason === undefined
        ? `↑/↓ Enter · 1–${request.choices.length} or ${request.choices.map((c) => c.key).join("/")} · Esc: ${last}${request.takesText ? " · Tab: add a reason" : ""}`
        : "Enter: send with the reason · Esc: refuse with it";
    return [
      fitWidth(`${colors.gray("╭─")} ${colors.bold(request.source)}`, width),
      ...body.map((line) => (line ? `${bar} ${line}` : bar)),
      fitWidth(`${colors.gray("╰─")} ${colors.dim(keys)}`, width),
    ];
  }

  handleInput(data: string): void {
    if (this.answered) return;
    const choices = this.request.choices;
    const refusal = choices.length - 1;
    if (matchesKey(data, "escape")) this.pick(refusal);
    else if (matchesKey(data, "enter")) this.pick(this.selected);
    else if (matchesKey(data, "up")) this.selected = (this.selected + choices.length - 1) % choices.length;
    else if (matchesKey(data, "down")) this.selected = (this.selected + 1) % choices.length;
    else if (this.reason !== undefined) {
      if (matchesKey(data, "backspace")) this.reason = this.reason.slice(0, -1);
      else this.reason += printable(data) ?? "";
    } else if (matchesKey(data, "tab") && this.request.takesText) this.reason = "";
    else {
      const key = printable(data) ?? "";
      const byNumber = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
      const byKey = choices.findIndex((choice) => choice.key.toLowerCase() === key.toLowerCase());
      const index = byNumber >= 0 && byNumber < choices.length ? byNumber : byKey;
      if (key && index >= 0) this.pick(index);
    }
  }

  invalidate(): void {}

  private pick(index: number): void {
    const choice = this.request.choices[index];
    if (!choice) return;
    this.answered = true;
    const text = this.reason?.trim();
    this.onAnswer(text ? { kind: "choice", key: choice.key, text } : { kind: "choice", key: choice.key });
  }
}

/** One typed character (plain, or a Kitty CSI-u key), else undefined (arrows, control keys). */
function printable(data: string): string | undefined {
  const kitty = decodeKittyPrintable(data);
  if (kitty !== undefined) return kitty;
  return [...data].length === 1 && data >= " " && data !== "\u007f" ? data : undefined;
}

export interface DialogHost {
  colors: Colors;
  /** Shows the dialog in place of the input (focused). */
  show(dialog: AskDialog): void;
  /** Puts the input back (the text typed before is kept). */
  hide(dialog: AskDialog): void;
  /** Called after each answer with the question and what was picked (the shell records it in the transcript). */
  answered?(request: AskRequest, answer: AskAnswer): void;
}

/**
 * The TUI's answerer for the ask channel: one dialog per question (the channel serialises them). An
 * aborted signal (the turn interrupted) closes the dialog and answers `unavailable`. Never rejects.
 */
export function createDialogAsk(host: DialogHost): AskUser {
  return (request, signal) =>
    new Promise<AskAnswer>((resolve) => {
      if (signal.aborted) return resolve({ kind: "unavailable", reason: "the turn was interrupted" });
      let done = false;
      const finish = (answer: AskAnswer) => {
        if (done) return;
        done = true;
        signal.removeEventListener("abort", onAbort);
        host.hide(dialog);
        if (answer.kind === "choice") host.answered?.(request, answer);
        resolve(answer);
      };
      const onAbort = () => finish({ kind: "unavailable", reason: "the turn was interrupted" });
      const dialog = new AskDialog(request, host.colors, finish);
      signal.addEventListener("abort", onAbort, { once: true });
      host.show(dialog);
    });
}
