// The activity line: nothing while idle; while a turn runs, the label follows the events, the clock
// counts from the turn's start, the tokens show once reported, the frames advance on the timer.
import { describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { activityOf, createActivityLine } from "./activity-line.ts";

describe("createActivityLine", () => {
  it("shows label, time, tokens and the interrupt key while active; no row once stopped", () => {
    let clock = 1000;
    let tokens = 0;
    let renders = 0;
    const line = createActivityLine({
      colors: createColors(false),
      requestRender: () => renders++,
      tokens: () => tokens,
      now: () => clock,
    });
    expect(line.component.render(80)).toEqual([]);
    line.start();
    clock += 3200;
    expect(line.component.render(80)).toEqual(["⠋ Thinking… (3.2s · esc to interrupt)"]);
    line.onEvent({ type: "tool_start", id: "t1", name: "bash", input: {} });
    tokens = 1234;
    expect(line.component.render(80)).toEqual(["⠋ Running bash… (3.2s · 1.2k tokens · esc to interrupt)"]);
    expect(line.component.render(20)).toEqual(["⠋ Running bash… (3.…"]);
    expect(renders).toBe(2);
    line.stop();
    expect(line.component.render(80)).toEqual([]);
    expect(line.label()).toBeUndefined();
    line.onEvent({ type: "text_delta", text: "late" });
    expect(line.label()).toBeUndefined();
  });

  it("advances the spinner on its timer and stops asking for renders once stopped", async () => {
    let renders = 0;
    const line = createActivityLine({
      colors: createColors(false),
      requestRender: () => renders++,
      tokens: () => 0,
      intervalMs: 5,
    });
    line.start("Compacting…");
    const glyphs = new Set<string>();
    for (let wait = 0; wait < 200 && glyphs.size < 2; wait++) {
      glyphs.add(line.component.render(80)[0]?.[0] ?? "");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(glyphs.size).toBe(2);
    expect(renders).toBeGreaterThan(1);
    line.stop();
    const after = renders;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(renders).toBe(after);
  });
});

describe("activityOf", () => {
  it("names what runs: thinking, writing, a tool, a full compaction", () => {
    expect(activityOf({ type: "turn_start", turn: 1 })).toBe("Thinking…");
    expect(activityOf({ type: "text_delta", text: "x" })).toBe("Writing…");
    expect(activityOf({ type: "tool_start", id: "t", name: "read_file", input: {} })).toBe(
      "Running read_file…",
    );
    expect(activityOf({ type: "compaction_start", kind: "full", trigger: "auto" })).toBe("Compacting…");
    expect(activityOf({ type: "compaction_start", kind: "micro", trigger: "auto" })).toBeUndefined();
    expect(activityOf({ type: "notice", source: "x", text: "y" })).toBeUndefined();
  });
});
