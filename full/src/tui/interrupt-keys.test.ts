// The Ctrl-C / Esc / Ctrl-D state machine: interrupt, clear, hint then exit, and what passes through.
import { describe, expect, it } from "vitest";
import { createInterruptKeys, EXIT_HINT, EXIT_HINT_MS, type InterruptContext } from "./interrupt-keys.ts";

const idle: InterruptContext = { running: false, hasText: false, completionOpen: false, now: 0 };

describe("createInterruptKeys", () => {
  it("Ctrl-C interrupts a running turn, even with text typed meanwhile", () => {
    const keys = createInterruptKeys();
    expect(keys.press("ctrl-c", { ...idle, running: true })).toEqual({ kind: "interrupt" });
    expect(keys.press("ctrl-c", { ...idle, running: true, hasText: true })).toEqual({ kind: "interrupt" });
  });

  it("Ctrl-C clears typed text at an idle prompt", () => {
    expect(createInterruptKeys().press("ctrl-c", { ...idle, hasText: true })).toEqual({ kind: "clear" });
  });

  it("Ctrl-C on an empty prompt hints first; a second press within the hint exits, a later one hints again", () => {
    const keys = createInterruptKeys();
    expect(keys.press("ctrl-c", idle)).toEqual({ kind: "hint", text: EXIT_HINT, until: EXIT_HINT_MS });
    expect(keys.hint(EXIT_HINT_MS - 1)).toBe(EXIT_HINT);
    expect(keys.press("ctrl-c", { ...idle, now: EXIT_HINT_MS - 1 })).toEqual({ kind: "exit" });

    const late = createInterruptKeys();
    late.press("ctrl-c", idle);
    expect(late.hint(EXIT_HINT_MS)).toBeUndefined();
    expect(late.press("ctrl-c", { ...idle, now: EXIT_HINT_MS })).toMatchObject({ kind: "hint" });
  });

  it("another key in between (reset) or a clear disarms the second press", () => {
    const keys = createInterruptKeys();
    keys.press("ctrl-c", idle);
    keys.reset();
    expect(keys.hint(1)).toBeUndefined();
    expect(keys.press("ctrl-c", { ...idle, now: 1 })).toMatchObject({ kind: "hint" });
    keys.press("ctrl-c", { ...idle, now: 2, hasText: true });
    expect(keys.press("ctrl-c", { ...idle, now: 3 })).toMatchObject({ kind: "hint" });
  });

  it("Esc interrupts a running turn, but closes an open completion list first; idle it passes", () => {
    const keys = createInterruptKeys();
    expect(keys.press("escape", { ...idle, running: true })).toEqual({ kind: "interrupt" });
    expect(keys.press("escape", { ...idle, running: true, completionOpen: true })).toEqual({ kind: "pass" });
    expect(keys.press("escape", { ...idle, hasText: true })).toEqual({ kind: "pass" });
  });

  it("Ctrl-D exits on an empty editor and deletes forward (passes) when there is text", () => {
    const keys = createInterruptKeys();
    expect(keys.press("ctrl-d", idle)).toEqual({ kind: "exit" });
    expect(keys.press("ctrl-d", { ...idle, running: true })).toEqual({ kind: "exit" });
    expect(keys.press("ctrl-d", { ...idle, hasText: true })).toEqual({ kind: "pass" });
  });
});
