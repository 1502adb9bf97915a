// Pure Markdown scanning for the docs test: inline code, link targets, shell command lines, Mermaid blocks.
// No file system access here; scripts/docs-check.ts decides what each reference must point at.

/** A piece of a Markdown file worth checking, with its 1-based line number. */
export interface Located {
  text: string;
  line: number;
}

export interface MarkdownScan {
  /** Contents of inline code spans outside fenced blocks. */
  codeSpans: Located[];
  /** Targets of inline links, images, reference definitions and href/src attributes. */
  linkTargets: Located[];
  /** Lines of fenced blocks that may hold shell commands (bash, sh, shell, console, zsh or no language). */
  shellLines: Located[];
  mermaidBlocks: number;
}

const SHELL_LANGUAGES = new Set(["", "bash", "sh", "shell", "console", "zsh", "text"]);
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const CODE_SPAN = /(`+)([^`][\s\S]*?)\1(?!`)/g;
/** Lines that start a new block: list items, block quotes, headings, tables, HTML. */
const BLOCK_START = /^\s*([-*+]\s|\d+[.)]\s|>|#|\||<)/;
const INLINE_LINK = /!?\[[^\]]*\]\(\s*<?([^()\s<>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/;
const HTML_ATTRIBUTE = /\b(?:href|src)="([^"]+)"/g;

/**
 * Splits a Markdown document into the parts the docs test checks. Fenced blocks hide their content from
 * spans and links; a code span or link may wrap onto the next line of its paragraph, never across blocks.
 */
export function scanMarkdown(markdown: string): MarkdownScan {
  const scan: MarkdownScan = { codeSpans: [], linkTargets: [], shellLines: [], mermaidBlocks: 0 };
  let fence: { marker: string; language: string } | undefined;
  let block: Located | undefined;
  const flush = () => {
    if (block) scanProse(block, scan);
    block = undefined;
  };
  markdown.split("\n").forEach((raw, index) => {
    const line = index + 1;
    const fenceMatch = FENCE.exec(raw);
    if (fence) {
      const closes =
        fenceMatch?.[1]?.[0] === fence.marker[0] &&
        (fenceMatch?.[1]?.length ?? 0) >= fence.marker.length &&
        fenceMatch?.[2] === "";
      if (closes) fence = undefined;
      else if (SHELL_LANGUAGES.has(fence.language)) scan.shellLines.push({ text: raw, line });
      return;
    }
    if (fenceMatch) {
      flush();
      const language = (fenceMatch[2] ?? "").toLowerCase();
      fence = { marker: fenceMatch[1] ?? "```", language };
      if (language === "mermaid") scan.mermaidBlocks++;
      return;
    }
    if (raw.trim() === "" || BLOCK_START.test(raw)) flush();
    if (raw.trim() === "") return;
    if (block) block.text += `\n${raw}`;
    else block = { text: raw, line };
    // Table rows and headings are blocks of one line.
    if (/^\s*[|#]/.test(raw)) flush();
  });
  flush();
  return scan;
}

function scanProse(block: Located, scan: MarkdownScan): void {
  const lineAt = (offset: number) => block.line + (block.text.slice(0, offset).match(/\n/g)?.length ?? 0);
  for (const match of block.text.matchAll(CODE_SPAN)) {
    scan.codeSpans.push({
      text: (match[2] ?? "").replace(/\s*\n\s*/g, " ").trim(),
      line: lineAt(match.index),
    });
  }
  // Blank out code spans (keeping offsets and newlines) so links inside code are not links.
  const prose = block.text.replace(CODE_SPAN, (span) => span.replace(/[^\n]/g, " "));
  prose.split("\n").forEach((text, index) => {
    const definition = REFERENCE_DEFINITION.exec(text);
    if (definition?.[1]) scan.linkTargets.push({ text: definition[1], line: block.line + index });
  });
  for (const pattern of [INLINE_LINK, HTML_ATTRIBUTE]) {
    for (const match of prose.matchAll(pattern)) {
      scan.linkTargets.push({ text: match[1] ?? "", line: lineAt(match.index) });
    }
  }
}

/**
 * The argument lists of the `pnpm` invocations in one shell line or code span: the line is split on
 * `&&`, `||`, `;` and `|`, a leading `$ ` prompt, `#` comments and `NAME=value` prefixes are dropped,
 * and a segment counts when its first word is `pnpm`.
 */
export function findPnpmCommands(text: string): string[][] {
  const withoutPrompt = text.replace(/^\s*[$>]\s+/, "").replace(/(^|\s)#.*$/, "");
  const commands: string[][] = [];
  for (const segment of withoutPrompt.split(/&&|\|\||;|\|/)) {
    const words = segment
      .trim()
      .split(/\s+/)
      .filter((word) => word !== "")
      .map((word) => word.replace(/^["'(]+|["')]+$/g, ""));
    while (words[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) words.shift();
    if (words[0] === "pnpm") commands.push(words.slice(1));
  }
  return commands;
}

/**
 * The words of a code span that look like repository paths, cleaned of quotes, trailing punctuation
 * and `:line` / `#L10` suffixes. Whether a cleaned word is a repository path is decided by the caller.
 */
export function pathWordsOf(span: string): string[] {
  return span
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/^["'([]+/, "")
        .replace(/["')\],;]+$/, "")
        .replace(/#L?\d+(-L?\d+)?$/, "")
        .replace(/:\d+(-\d+)?$/, "")
        .replace(/[.:]+$/, ""),
    )
    .filter((word) => word !== "");
}
