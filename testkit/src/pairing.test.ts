// The pairing invariant on message lists and on recorded requests: one case per rule.

import { describe, expect, it } from "vitest";
import { assertPairingInvariant, pairingProblems } from "./pairing.ts";
import type { MessagesRequestBody, RecordedRequest } from "./types.ts";

const use = (id: string) => ({ type: "tool_use", id, name: "bash", input: {} });
const result = (id: string) => ({ type: "tool_result", tool_use_id: id, content: "done" });
const note = (text: string) => ({ type: "text", text });
const user = (...content: unknown[]) => ({ role: "user", content });
const assistant = (...content: unknown[]) => ({ role: "assistant", content });

function recorded(index: number, messages: unknown[], path = "/v1/messages"): RecordedRequest {
  const body = { model: "claude-test", max_tokens: 10, messages } as MessagesRequestBody;
  return { index, method: "POST", path, headers: {}, body };
}

describe("pairingProblems", () => {
  it("accepts a well-formed tool round trip with a reminder after the results", () => {
    const messages = [
      { role: "user", content: "fix the bug" },
      assistant(note("Looking."), use("a"), use("b")),
      user(result("a"), result("b"), note("<reminder>")),
      assistant(note("Done.")),
      user(note("thanks")),
    ];
    expect(pairingProblems(messages)).toEqual([]);
  });

  it.each([
    { rule: "empty conversation", messages: [], problem: "there are no messages" },
    {
      rule: "starts with assistant",
      messages: [assistant(note("hi")), user(note("x"))],
      problem: "first message",
    },
    {
      rule: "ends with assistant",
      messages: [user(note("x")), assistant(note("y"))],
      problem: "last message",
    },
    {
      rule: "two user messages in a row",
      messages: [user(note("a")), user(note("b"))],
      problem: "message 1 (user): follows another user message",
    },
    {
      rule: "two assistant messages in a row",
      messages: [user(note("a")), assistant(note("b")), assistant(note("c")), user(note("d"))],
      problem: "message 2 (assistant): follows another assistant message",
    },
    {
      rule: "unknown role",
      messages: [{ role: "system", content: "x" }],
      problem: 'role must be "user" or "assistant"',
    },
    {
      rule: "tool_use without a result",
      messages: [user(note("go")), assistant(use("a"), use("b")), user(result("a"))],
      problem: "tool_use b of the previous message has no tool_result",
    },
    {
      rule: "tool_use answered twice",
      messages: [user(note("go")), assistant(use("a")), user(result("a"), result("a"))],
      problem: "tool_use a is answered 2 times",
    },
    {
      rule: "text before a tool_result",
      messages: [user(note("go")), assistant(use("a")), user(note("reminder"), result("a"))],
      problem: "tool_result a (block 1) comes after a non-result block",
    },
    {
      rule: "tool_result for an unknown id",
      messages: [user(note("go")), assistant(use("a")), user(result("a"), result("z"))],
      problem: "tool_result z answers no tool_use of the previous message",
    },
    {
      rule: "tool_result for an id from an older message",
      messages: [
        user(note("go")),
        assistant(use("a")),
        user(result("a")),
        assistant(note("ok")),
        user(result("a")),
      ],
      problem: "message 4 (user): tool_result a answers no tool_use",
    },
    {
      rule: "duplicate tool_use id",
      messages: [
        user(note("go")),
        assistant(use("a")),
        user(result("a")),
        assistant(use("a")),
        user(result("a")),
      ],
      problem: "tool_use id a is used more than once",
    },
    {
      rule: "tool_use in the last message",
      messages: [user(note("go")), assistant(use("a"))],
      problem: "tool_use a has no tool_result: no user message follows",
    },
  ])("reports $rule", ({ messages, problem }) => {
    const problems = pairingProblems(messages);
    expect(problems.some((entry) => entry.includes(problem))).toBe(true);
  });
});

describe("assertPairingInvariant", () => {
  it("passes when every message request keeps the invariant", () => {
    const requests = [
      recorded(0, [user(note("hi"))]),
      recorded(1, [user(note("hi")), assistant(use("a"))], "/x"),
    ];
    expect(() => assertPairingInvariant(requests)).not.toThrow();
  });

  it("throws listing each problem with its request index", () => {
    const good = recorded(0, [user(note("go"))]);
    const bad = recorded(1, [user(note("go")), assistant(use("a")), user(note("no result"))]);
    expect(() => assertPairingInvariant([good, bad])).toThrow(
      /request 1: message 2 \(user\): tool_use a of the previous message has no tool_result/,
    );
  });
});
