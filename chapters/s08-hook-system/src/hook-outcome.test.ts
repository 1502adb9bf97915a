// Claude Code's hook protocol read from a finished run: exit codes, JSON output, garbage, timeouts.
import { describe, expect, it } from "vitest";
import { parseHookOutput, readHookOutcome } from "./hook-outcome.ts";
import type { HookCommandRun } from "./run-hook-command.ts";

function run(overrides: Partial<HookCommandRun>): HookCommandRun {
  return { exitCode: 0, stdout: "", stderr: "", timedOut: false, aborted: false, ...overrides };
}

describe("readHookOutcome", () => {
  it("exit 0 continues; JSON on stdout is read, other text kept as text", () => {
    expect(readHookOutcome(run({ stdout: "hello\n" }), 60)).toEqual({ kind: "success", text: "hello" });
    expect(readHookOutcome(run({ stdout: '{"continue":false,"stopReason":"x"}' }), 60)).toEqual({
      kind: "success",
      output: { continue: false, stopReason: "x" },
      text: "",
    });
  });

  it("exit 2 blocks with stderr as the reason (a default when stderr is empty)", () => {
    expect(readHookOutcome(run({ exitCode: 2, stderr: "no\n" }), 60)).toEqual({
      kind: "blocking",
      reason: "no",
    });
    expect(readHookOutcome(run({ exitCode: 2 }), 60)).toMatchObject({ kind: "blocking" });
  });

  it("any other exit, a timeout or a failed start is a non-blocking error", () => {
    expect(readHookOutcome(run({ exitCode: 1, stderr: "boom" }), 60)).toEqual({
      kind: "error",
      message: "exit code 1: boom",
    });
    expect(readHookOutcome(run({ exitCode: null, timedOut: true }), 5)).toEqual({
      kind: "error",
      message: "timed out after 5 s and was killed",
    });
    expect(readHookOutcome(run({ exitCode: null, spawnError: "ENOENT" }), 5)).toMatchObject({
      kind: "error",
    });
  });
});

describe("parseHookOutput", () => {
  it("flattens hookSpecificOutput and ignores fields of the wrong type", () => {
    const output = parseHookOutput(
      JSON.stringify({
        decision: "maybe",
        systemMessage: 3,
        hookSpecificOutput: {
          permissionDecision: "ask",
          permissionDecisionReason: "check the path",
          updatedInput: { command: "ls" },
          additionalContext: "more",
        },
      }),
    );
    expect(output).toEqual({
      permissionDecision: "ask",
      permissionDecisionReason: "check the path",
      updatedInput: { command: "ls" },
      additionalContext: "more",
    });
  });

  it("returns undefined for garbage and for JSON that is not an object", () => {
    expect(parseHookOutput("{not json")).toBeUndefined();
    expect(parseHookOutput("[1,2]")).toBeUndefined();
    expect(parseHookOutput("")).toBeUndefined();
  });
});
