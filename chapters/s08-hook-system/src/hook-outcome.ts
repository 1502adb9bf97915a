// What a finished hook said, from its exit code and output (Claude Code's protocol). Pure.
import { isRecord } from "./hook-config.ts";
import type { HookCommandRun } from "./run-hook-command.ts";

/** The JSON a hook may print on stdout with exit code 0 (fields of other types are ignored). */
export interface HookOutput {
  /** false: stop the agent after this hook (`stopReason` is shown to the user). */
  continue?: boolean;
  stopReason?: string;
  /** A line shown to the user. */
  systemMessage?: string;
  /** "block": PostToolUse/Stop/UserPromptSubmit feedback; "approve" (old PreToolUse form of allow). */
  decision?: "block" | "approve";
  reason?: string;
  permissionDecision?: "allow" | "ask" | "deny";
  permissionDecisionReason?: string;
  updatedInput?: Record<string, unknown>;
  additionalContext?: string;
}

export type HookOutcome =
  /** Exit 0: continue. `output` when stdout was a JSON object, else `text` is the plain stdout. */
  | { kind: "success"; output?: HookOutput; text: string }
  /** Exit 2: block; stderr is the reason (for the model or the user, depending on the event). */
  | { kind: "blocking"; reason: string }
  /** Any other ending (exit 1, a crash, a timeout, no shell): never blocks, shown to the user as a warning. */
  | { kind: "error"; message: string };

/** Reads a finished run. A timeout or abort is an error (never a block); exit 2 without stderr still blocks. */
export function readHookOutcome(run: HookCommandRun, timeoutSeconds: number): HookOutcome {
  if (run.spawnError) return { kind: "error", message: `could not start: ${run.spawnError}` };
  if (run.aborted) return { kind: "error", message: "interrupted" };
  if (run.timedOut) return { kind: "error", message: `timed out after ${timeoutSeconds} s and was killed` };
  if (run.exitCode === 2)
    return { kind: "blocking", reason: run.stderr.trim() || "blocked by a hook (exit code 2)" };
  if (run.exitCode !== 0) {
    const detail = run.stderr.trim() || run.stdout.trim();
    return { kind: "error", message: `exit code ${run.exitCode}${detail ? `: ${firstLines(detail)}` : ""}` };
  }
  const output = parseHookOutput(run.stdout);
  return output ? { kind: "success", output, text: "" } : { kind: "success", text: run.stdout.trim() };
}

/** The hook's JSON, flattened (`hookSpecificOutput` fields beside the common ones); undefined when stdout is not a JSON object. */
export function parseHookOutput(stdout: string): HookOutput | undefined {
  const trimmed = stdout.trim();
  if (!trimmed.startsWith("{")) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const specific = isRecord(parsed.hookSpecificOutput) ? parsed.hookSpecificOutput : {};
  const output: HookOutput = {};
  if (typeof parsed.continue === "boolean") output.continue = parsed.continue;
  const strings = { ...pickStrings(parsed), ...pickStrings(specific) };
  if (strings.stopReason) output.stopReason = strings.stopReason;
  if (strings.systemMessage) output.systemMessage = strings.systemMessage;
  if (strings.reason) output.reason = strings.reason;
  if (strings.additionalContext) output.additionalContext = strings.additionalContext;
  if (strings.permissionDecisionReason) output.permissionDecisionReason = strings.permissionDecisionReason;
  if (parsed.decision === "block" || parsed.decision === "approve") output.decision = parsed.decision;
  const permission = specific.permissionDecision;
  if (permission === "allow" || permission === "ask" || permission === "deny")
    output.permissionDecision = permission;
  if (isRecord(specific.updatedInput)) output.updatedInput = specific.updatedInput;
  return output;
}

function pickStrings(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

function firstLines(text: string): string {
  const lines = text.split("\n");
  const shown = lines.slice(0, 3).join(" ⏎ ");
  return shown.length > 300 ? `${shown.slice(0, 300)}…` : lines.length > 3 ? `${shown} …` : shown;
}
