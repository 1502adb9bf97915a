// The pairing invariant (CURRICULUM §3) checked on plain message lists and on recorded requests:
// alternating roles, every tool_use answered exactly once in the next user message, results first.

import type { RecordedRequest } from "./types.ts";

/**
 * Lists every way `messages` breaks the pairing invariant; empty when fine. Rules: roles alternate
 * starting and ending with user; each assistant tool_use id is unique and answered by exactly one
 * tool_result in the next user message; tool_results come before any other block there; no
 * tool_result names an id the previous assistant message did not use. Pure, never throws.
 */
export function pairingProblems(messages: unknown[]): string[] {
  if (messages.length === 0) return ["there are no messages"];
  const problems: string[] = [];
  const seenToolUseIds = new Set<string>();
  messages.forEach((message, index) => {
    const role = roleOf(message);
    const label = `message ${index} (${role ?? "no role"})`;
    const report = (problem: string) => problems.push(`${label}: ${problem}`);
    if (role !== "user" && role !== "assistant") report(`role must be "user" or "assistant"`);
    if (index === 0 && role !== "user") report("the first message must be from the user");
    if (index > 0 && role === roleOf(messages[index - 1])) report(`follows another ${role} message`);
    if (index === messages.length - 1 && role !== "user") report("the last message must be from the user");

    if (role === "assistant") {
      const followedByUser = roleOf(messages[index + 1]) === "user";
      for (const id of toolUseIds(blocksOf(message))) {
        if (seenToolUseIds.has(id)) report(`tool_use id ${id} is used more than once`);
        seenToolUseIds.add(id);
        if (!followedByUser) report(`tool_use ${id} has no tool_result: no user message follows`);
      }
    }
    if (role === "user") {
      const previous = messages[index - 1];
      const expected = roleOf(previous) === "assistant" ? toolUseIds(blocksOf(previous)) : [];
      for (const problem of toolResultProblems(blocksOf(message), expected)) report(problem);
    }
  });
  return problems;
}

/**
 * Throws an Error listing every pairing problem of every recorded POST /v1/messages, each prefixed
 * with the request index; returns quietly when all requests keep the invariant.
 */
export function assertPairingInvariant(requests: RecordedRequest[]): void {
  const problems = requests
    .filter((request) => request.method === "POST" && request.path === "/v1/messages")
    .flatMap((request) => {
      const messages: unknown = request.body.messages;
      const list = Array.isArray(messages) ? messages : [];
      return pairingProblems(list).map((problem) => `request ${request.index}: ${problem}`);
    });
  if (problems.length > 0) {
    throw new Error(`pairing invariant broken:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** Problems of one user message's blocks, given the tool_use ids the message must answer. */
function toolResultProblems(blocks: unknown[], expected: string[]): string[] {
  const problems: string[] = [];
  const answered = new Map<string, number>();
  let seenOtherBlock = false;
  blocks.forEach((block, blockIndex) => {
    if (!isRecord(block) || block.type !== "tool_result") {
      seenOtherBlock = true;
      return;
    }
    const id = typeof block.tool_use_id === "string" ? block.tool_use_id : "(no tool_use_id)";
    if (seenOtherBlock)
      problems.push(`tool_result ${id} (block ${blockIndex}) comes after a non-result block`);
    if (!expected.includes(id))
      problems.push(`tool_result ${id} answers no tool_use of the previous message`);
    answered.set(id, (answered.get(id) ?? 0) + 1);
  });
  for (const id of expected) {
    const count = answered.get(id) ?? 0;
    if (count === 0) problems.push(`tool_use ${id} of the previous message has no tool_result`);
    if (count > 1) problems.push(`tool_use ${id} is answered ${count} times`);
  }
  return problems;
}

function roleOf(message: unknown): string | undefined {
  return isRecord(message) && typeof message.role === "string" ? message.role : undefined;
}

function blocksOf(message: unknown): unknown[] {
  return isRecord(message) && Array.isArray(message.content) ? message.content : [];
}

function toolUseIds(blocks: unknown[]): string[] {
  return blocks.flatMap((block) =>
    isRecord(block) && block.type === "tool_use" && typeof block.id === "string" ? [block.id] : [],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
