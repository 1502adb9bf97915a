// The `@path` imports of an instruction file, as Claude Code reads them: a token starting with `@`
// after whitespace or at a line start, outside fenced code blocks and inline code spans. Pure.

/**
 * The import paths written in `markdown`, in order, each once: `@./x.md`, `@docs/x.md`, `@~/x.md`,
 * `@/abs/x.md`; `\ ` escapes a space; a `#fragment` and trailing punctuation (`@a.md.` at a sentence
 * end) are dropped. Never inside fenced blocks (``` or ~~~) or inline code spans. An e-mail address
 * (`me@host`) is not a token; a bare name counts only with a file extension, so a package name such as
 * `@types/node` in prose is not taken for an import.
 */
export function findImports(markdown: string): string[] {
  const paths: string[] = [];
  for (const line of withoutCode(markdown).split("\n")) {
    for (const match of line.matchAll(/(?:^|\s)@((?:[^\s\\]|\\ )+)/g)) {
      const path = cleanPath(match[1] ?? "");
      if (path && isPathLike(path) && !paths.includes(path)) paths.push(path);
    }
  }
  return paths;
}

function cleanPath(token: string): string {
  const withoutFragment = token.split("#")[0] ?? "";
  return withoutFragment.replace(/\\ /g, " ").replace(/[.,;:!?)\]}'"]+$/, "");
}

/** Relative (`./`, `../`), home (`~/`) or absolute; else a name starting with a path character and ending in `.ext`. */
function isPathLike(path: string): boolean {
  if (path.startsWith("./") || path.startsWith("../") || path.startsWith("~/")) return true;
  if (path.startsWith("/")) return path !== "/";
  return /^[A-Za-z0-9._-]/.test(path) && /\.[A-Za-z0-9]+$/.test(path.split("/").at(-1) ?? "");
}

/**
 * The text with fenced code blocks and inline code spans blanked out (line breaks kept), so nothing
 * written as code is read as an import.
 */
export function withoutCode(markdown: string): string {
  const lines = markdown.split("\n");
  let fence: { char: string; length: number } | undefined;
  const kept = lines.map((line) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const closes = opener?.[1] && opener[1][0] === fence.char && opener[1].length >= fence.length;
      if (closes && line.trim() === opener[1]) fence = undefined;
      return "";
    }
    if (opener?.[1]) {
      fence = { char: opener[1][0] ?? "`", length: opener[1].length };
      return "";
    }
    return line;
  });
  return withoutCodeSpans(kept.join("\n"));
}

/** Blanks every inline code span: a run of N backticks up to the next run of exactly N backticks. */
function withoutCodeSpans(text: string): string {
  let result = "";
  let position = 0;
  while (position < text.length) {
    const open = /`+/g;
    open.lastIndex = position;
    const start = open.exec(text);
    if (!start) break;
    const ticks = start[0];
    const close = new RegExp(`(?<!\`)${ticks}(?!\`)`, "g");
    close.lastIndex = start.index + ticks.length;
    const end = close.exec(text);
    if (!end) {
      // An unmatched run is literal backticks, not a span.
      result += text.slice(position, start.index + ticks.length);
      position = start.index + ticks.length;
      continue;
    }
    const span = text.slice(start.index, end.index + ticks.length);
    result += text.slice(position, start.index) + span.replace(/[^\n]/g, " ");
    position = end.index + ticks.length;
  }
  return result + text.slice(position);
}
