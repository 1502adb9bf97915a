// Newline framing: messages split across chunks, several messages in one chunk, CRLF and blank lines.
import { describe, expect, it } from "vitest";
import { createLineSplitter, encodeMessage } from "./json-rpc-framing.ts";
import { parseIncomingMessage } from "./json-rpc-message.ts";

function setup() {
  const lines: string[] = [];
  return { lines, splitter: createLineSplitter((line) => lines.push(line)) };
}

describe("the line framing of MCP stdio", () => {
  it("joins a message split across chunks", () => {
    const { lines, splitter } = setup();
    splitter.push('{"jsonrpc":"2.0",');
    expect(lines).toEqual([]);
    splitter.push('"id":1,"result":{}}\n');
    expect(lines).toEqual(['{"jsonrpc":"2.0","id":1,"result":{}}']);
  });

  it("splits several messages in one chunk and keeps the unfinished tail", () => {
    const { lines, splitter } = setup();
    splitter.push('{"a":1}\n{"b":2}\r\n\n{"c":');
    expect(lines).toEqual(['{"a":1}', '{"b":2}']);
    splitter.push("3}\n");
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it("hands on an unterminated last line at end of stream", () => {
    const { lines, splitter } = setup();
    splitter.push('{"last":true}');
    splitter.flush();
    expect(lines).toEqual(['{"last":true}']);
  });

  it("encodes one message per line even when a string holds a newline", () => {
    const line = encodeMessage({ text: "two\nlines" });
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
  });
});

describe("classifying a line from the server", () => {
  it("tells responses, errors, requests, notifications and garbage apart", () => {
    expect(parseIncomingMessage('{"jsonrpc":"2.0","id":1,"result":{"ok":true}}')).toEqual({
      kind: "response",
      id: 1,
      result: { ok: true },
    });
    expect(
      parseIncomingMessage('{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"nope"}}'),
    ).toMatchObject({
      kind: "error_response",
      id: 2,
    });
    expect(parseIncomingMessage('{"jsonrpc":"2.0","id":"s1","method":"ping"}')).toEqual({
      kind: "request",
      id: "s1",
      method: "ping",
    });
    expect(
      parseIncomingMessage('{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info"}}'),
    ).toEqual({ kind: "notification", method: "notifications/message", params: { level: "info" } });
    expect(parseIncomingMessage("Starting server...")).toMatchObject({ kind: "invalid", reason: "not JSON" });
  });
});
