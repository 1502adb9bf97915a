// A small server-sent events parser: text chunks in (split anywhere), complete frames out.
// Enough of the SSE spec for the Messages API: `event:` and `data:` fields, comments, any line ending.

/** One dispatched SSE frame; `event` defaults to "message", multi-line data is joined with "\n". */
export interface SseFrame {
  event: string;
  data: string;
}

/** Feeds decoded text to the parser; frames come out once their blank line has arrived. */
export interface SseParser {
  /** Adds a chunk (any split, even inside a line) and returns the frames it completed. */
  push(chunk: string): SseFrame[];
  /** The stream ended: returns a last frame that lacked its blank line, if any. */
  end(): SseFrame[];
}

const LINE_END = /\r\n|\r|\n/;

/** Creates a parser for one stream. Pure apart from its own buffer; never throws. */
export function createSseParser(): SseParser {
  let buffer = "";
  let event = "";
  let dataLines: string[] = [];

  function takeLine(line: string, frames: SseFrame[]): void {
    if (line === "") {
      if (dataLines.length > 0) frames.push({ event: event || "message", data: dataLines.join("\n") });
      event = "";
      dataLines = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") dataLines.push(value);
  }

  return {
    push(chunk) {
      buffer += chunk;
      // A trailing "\r" may be the first half of "\r\n": keep it for the next chunk.
      const cut = buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
      const lines = buffer.slice(0, cut).split(LINE_END);
      // The last piece is a line still arriving.
      buffer = (lines.pop() ?? "") + buffer.slice(cut);
      const frames: SseFrame[] = [];
      for (const line of lines) takeLine(line, frames);
      return frames;
    },
    end() {
      const frames: SseFrame[] = [];
      for (const line of buffer.split(LINE_END)) takeLine(line, frames);
      buffer = "";
      takeLine("", frames);
      return frames;
    },
  };
}
