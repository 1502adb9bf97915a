// What the user sees of hooks: blocks and context in one line each, failures as warnings, quiet runs hidden.
import { describe, expect, it } from "vitest";
import { renderHookEvents } from "./hook-renderer.ts";

const end = (result: "ok" | "blocked" | "error", message?: string) => ({
  type: "hook_end" as const,
  event: "PreToolUse" as const,
  command: "./guard.sh",
  target: "bash",
  result,
  ...(message ? { message } : {}),
  durationMs: 5,
});

describe("renderHookEvents", () => {
  it("shows blocks, context and failures; hides starts and quiet successes; leaves other events alone", () => {
    expect(renderHookEvents(end("blocked", "no rm -rf"))).toEqual([
      "⚙ hook PreToolUse (bash) blocked: no rm -rf",
    ]);
    expect(renderHookEvents(end("ok", "added context: x"))).toEqual([
      "⚙ hook PreToolUse (bash): added context: x",
    ]);
    expect(renderHookEvents(end("error", "exit code 1"))).toEqual([
      "⚠ hook PreToolUse (bash) failed (not blocking): ./guard.sh: exit code 1",
    ]);
    expect(renderHookEvents(end("ok"))).toEqual([]);
    expect(renderHookEvents({ type: "hook_start", event: "Stop", command: "x" })).toEqual([]);
    expect(renderHookEvents({ type: "agent_start" })).toBeUndefined();
  });
});
