// Newline-delimited JSON-RPC framing of MCP's stdio transport: a chunk may hold part of a message,
// one message or several; complete lines are handed on, the rest waits for the next chunk.

/** Splits decoded text into lines; `push` chunks as they arrive, `flush` at end of stream. */
export function createLineSplitter(onLine: (line: string) => void): {
  push(chunk: string): void;
  flush(): void;
} {
  let pending = "";
  const emit = (line: string) => {
    const trimmed = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (trimmed.trim() !== "") onLine(trimmed);
  };
  return {
    push(chunk) {
      pending += chunk;
      let newline = pending.indexOf("\n");
      while (newline !== -1) {
        emit(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf("\n");
      }
    },
    flush() {
      if (pending !== "") emit(pending);
      pending = "";
    },
  };
}

/** One message as a line on the wire: JSON with no embedded newline, then `\n`. */
export function encodeMessage(message: object): string {
  return `${JSON.stringify(message)}\n`;
}
