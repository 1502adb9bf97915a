// The status line: every part when it fits, the least useful parts dropped first when it does not, never
// wider than the row; with the hint row under it while there is a hint.
import { visibleWidth } from "@mariozechner/pi-tui";
import { describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { createStatusLine, describeStatus, type StatusState } from "./status-line.ts";

const plain = createColors(false);
const busy: StatusState = {
  model: "claude-opus-4-5",
  mode: "acceptEdits",
  lastUsage: {
    input_tokens: 1000,
    cache_read_input_tokens: 20_000,
    cache_creation_input_tokens: 3000,
    output_tokens: 500,
  },
  contextWindow: 200_000,
  background: 2,
  working: 1,
};

describe("describeStatus", () => {
  it("shows model, mode with the Shift+Tab hint, context share, cache hit rate, background and teammates", () => {
    expect(describeStatus(busy, plain, 200)).toBe(
      "claude-opus-4-5 · ⏵⏵ accept edits (shift+tab) · ctx 12% · cache 83% · ⧗ 2 background · ⚑ 1 working",
    );
  });

  it("says default mode, and leaves out what is not known or zero", () => {
    const quiet: StatusState = { ...busy, mode: "default", background: 0, working: 0 };
    delete quiet.lastUsage;
    expect(describeStatus(quiet, plain, 200)).toBe("claude-opus-4-5 · default mode (shift+tab)");
  });

  it("drops the hint, then the model, then the cache rate to fit 60 and 40 columns; never wider than the row", () => {
    expect(describeStatus(busy, plain, 60)).toBe("⏵⏵ accept edits · ctx 12% · ⧗ 2 background · ⚑ 1 working");
    expect(describeStatus(busy, plain, 40)).toBe("⏵⏵ accept edits · ⧗ 2 background");
    for (const width of [1, 5, 12, 33, 59, 80]) {
      expect(visibleWidth(describeStatus(busy, createColors(true), width))).toBeLessThanOrEqual(width);
    }
  });

  it("colours with colours on and none with NO_COLOR", () => {
    expect(describeStatus(busy, createColors(true), 200)).toContain("\u001b[");
    expect(describeStatus(busy, plain, 200)).not.toContain("\u001b[");
    // Cut short, still no escape codes (pi-tui's truncation adds resets).
    expect(describeStatus(busy, plain, 12)).toBe("⏵⏵ accept e…");
  });
});

describe("createStatusLine", () => {
  it("reads the state at each render and adds the hint row only while there is a hint", () => {
    let state: StatusState = { ...busy, mode: "plan", background: 0, working: 0 };
    let hint: string | undefined;
    const line = createStatusLine(
      () => state,
      plain,
      () => hint,
    );
    expect(line.render(100)).toEqual(["claude-opus-4-5 · ⏸ plan mode (shift+tab) · ctx 12% · cache 83%"]);
    state = { ...state, mode: "default" };
    hint = "press Ctrl-C again to exit";
    expect(line.render(100)).toEqual([
      "claude-opus-4-5 · default mode (shift+tab) · ctx 12% · cache 83%",
      "press Ctrl-C again to exit",
    ]);
  });
});
