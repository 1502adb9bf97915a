// Writes streamed text and whole lines to a terminal without ever gluing a line onto half of another.

export interface LineWriter {
  /** Writes `text` as is (streamed text may end mid-line). */
  write(text: string): void;
  /** Ends the current line if something is on it. */
  newline(): void;
  /** Someone else wrote whole lines to the same output: the cursor is at a line start. */
  assumeLineStart(): void;
}

export function createLineWriter(output: NodeJS.WritableStream): LineWriter {
  let atLineStart = true;
  const write = (text: string) => {
    if (!text) return;
    output.write(text);
    atLineStart = text.endsWith("\n");
  };
  return {
    write,
    newline: () => {
      if (!atLineStart) write("\n");
    },
    assumeLineStart: () => {
      atLineStart = true;
    },
  };
}
