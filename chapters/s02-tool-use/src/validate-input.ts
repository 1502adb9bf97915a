// Validates a tool call's input once, before run; the error names each bad field and echoes the input.
import type { z } from "zod";
import type { Tool } from "./tool.ts";

export type ValidationOutcome = { ok: true; input: unknown } | { ok: false; message: string };

/**
 * Parses `input` with the tool's zod schema once. On failure the message names each bad field, echoes
 * the input (cut at 500 characters) and says what to do. Never throws.
 */
export function validateToolInput(tool: Tool, input: unknown): ValidationOutcome {
  const parsed = tool.input.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, message: describeIssues(tool.name, parsed.error.issues, input) };
}

function describeIssues(toolName: string, issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const lines = issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(input)";
    return `- ${field}: ${issue.message}`;
  });
  let received = JSON.stringify(input);
  if (received === undefined) received = "undefined";
  if (received.length > 500) received = `${received.slice(0, 500)}…`;
  return [
    `Invalid input for ${toolName}:`,
    ...lines,
    `Received: ${received}`,
    "Fix the fields above and call the tool again.",
  ].join("\n");
}
