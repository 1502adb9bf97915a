// Word wrapping for what the commands print (/skills, /context, lcc's /help): lines within a width,
// broken between words. Plumbing every chapter may use; no chapter teaches it.

/** Splits `text` into lines of at most `width` characters, breaking between words. Pure. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
