// The terminal as readline sees it, with a mute switch: while a turn streams its answer, what the user
// types is kept in readline's line buffer but not drawn, so it never lands inside the answer.
import { Writable } from "node:stream";

export interface MutableOutput {
  /** A stream for readline: writes pass to the terminal unless muted; size and resize come from it. */
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  mute(): void;
  unmute(): void;
}

export function createMutableOutput(output: NodeJS.WritableStream & { isTTY?: boolean }): MutableOutput {
  let muted = false;
  const terminal = output as NodeJS.WritableStream & { columns?: number; rows?: number };
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      // Passed on synchronously (done at once), so readline's writes keep their order with everyone else's.
      if (!muted) output.write(typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk);
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number; rows?: number };
  Object.defineProperties(stream, {
    isTTY: { get: () => output.isTTY },
    columns: { get: () => terminal.columns },
    rows: { get: () => terminal.rows },
  });
  // readline redraws on resize: forward the terminal's.
  (output as NodeJS.EventEmitter).on?.("resize", () => stream.emit("resize"));
  return {
    stream,
    mute: () => {
      muted = true;
    },
    unmute: () => {
      muted = false;
    },
  };
}
