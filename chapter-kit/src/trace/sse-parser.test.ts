// The SSE parser: frames come out whole however the text is split, with any line ending.
import { describe, expect, it } from "vitest";
import { createSseParser, type SseFrame } from "./sse-parser.ts";

function parseInPieces(pieces: string[]): SseFrame[] {
  const parser = createSseParser();
  return [...pieces.flatMap((piece) => parser.push(piece)), ...parser.end()];
}

const stream = 'event: message_start\ndata: {"a":1}\n\n: a comment\nevent: ping\ndata: {}\n\n';
const frames = [
  { event: "message_start", data: '{"a":1}' },
  { event: "ping", data: "{}" },
];

describe("createSseParser", () => {
  it("returns each frame once its blank line arrives", () => {
    const parser = createSseParser();

    expect(parser.push('event: message_start\ndata: {"a":1}\n')).toEqual([]);
    expect(parser.push("\n")).toEqual([frames[0]]);
  });

  it("gives the same frames for any split of the text, even one character at a time", () => {
    expect(parseInPieces([stream])).toEqual(frames);
    expect(parseInPieces(Array.from(stream))).toEqual(frames);
  });

  it("accepts CRLF and CR line endings, also when CRLF is split between chunks", () => {
    const crlf = stream.replaceAll("\n", "\r\n");

    expect(parseInPieces(Array.from(crlf))).toEqual(frames);
    expect(parseInPieces([stream.replaceAll("\n", "\r")])).toEqual(frames);
  });

  it("joins multi-line data and defaults the event name", () => {
    expect(parseInPieces(["data: one\ndata: two\n\n"])).toEqual([{ event: "message", data: "one\ntwo" }]);
  });

  it("dispatches a last frame that lacked its blank line when the stream ends", () => {
    expect(parseInPieces(["event: message_stop\ndata: {}"])).toEqual([{ event: "message_stop", data: "{}" }]);
  });
});
