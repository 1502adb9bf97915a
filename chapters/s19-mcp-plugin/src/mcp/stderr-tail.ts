// A bounded buffer of the last characters a server wrote to stderr, kept for error messages.

/** Default bound: the last 8,000 characters. */
export const DEFAULT_STDERR_TAIL_CHARS = 8_000;

/** Keeps at most `maxChars` of the most recent text appended; older text is dropped. */
export function createStderrTail(maxChars: number = DEFAULT_STDERR_TAIL_CHARS): {
  append(text: string): void;
  text(): string;
} {
  let kept = "";
  return {
    append(text) {
      kept = (kept + text).slice(-maxChars);
    },
    text() {
      return kept;
    },
  };
}
