// Syntax colours for code blocks: highlight.js core with a few languages (loaded once, off the start-up
// path; each compiled on first use), its HTML spans turned into ANSI lines by a small converter.
import type { HLJSApi, LanguageFn } from "highlight.js";
import type { Colors } from "../terminal/colors.ts";

type LanguageModule = Promise<{ default: LanguageFn }>;

/** The grammars lcc ships; static specifiers so a bundler can split them into a lazily loaded chunk. */
const LANGUAGES: Record<string, () => LanguageModule> = {
  typescript: () => import("highlight.js/lib/languages/typescript"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  json: () => import("highlight.js/lib/languages/json"),
  bash: () => import("highlight.js/lib/languages/bash"),
  python: () => import("highlight.js/lib/languages/python"),
  go: () => import("highlight.js/lib/languages/go"),
  rust: () => import("highlight.js/lib/languages/rust"),
  diff: () => import("highlight.js/lib/languages/diff"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
  css: () => import("highlight.js/lib/languages/css"),
  xml: () => import("highlight.js/lib/languages/xml"),
  sql: () => import("highlight.js/lib/languages/sql"),
  markdown: () => import("highlight.js/lib/languages/markdown"),
};

/** Fence info strings models write, mapped to the grammar that reads them. */
const ALIASES: Record<string, string> = {
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  cts: "typescript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  node: "javascript",
  jsonc: "json",
  json5: "json",
  sh: "bash",
  shell: "bash",
  zsh: "bash",
  console: "bash",
  py: "python",
  python3: "python",
  golang: "go",
  rs: "rust",
  patch: "diff",
  yml: "yaml",
  html: "xml",
  xhtml: "xml",
  svg: "xml",
  md: "markdown",
};

let highlighter: { core: HLJSApi; grammars: Map<string, LanguageFn> } | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads highlight.js and the grammars (once; later calls return the same promise). Until it has
 * resolved, `highlightCode` returns plain lines. Rejects only if the modules cannot be imported.
 */
export function loadHighlighter(): Promise<void> {
  loading ??= (async () => {
    const entries = Object.entries(LANGUAGES);
    const [core, grammars] = await Promise.all([
      import("highlight.js/lib/core"),
      Promise.all(entries.map(([, load]) => load())),
    ]);
    highlighter = {
      core: core.default,
      grammars: new Map(grammars.map((module, index) => [entries[index]?.[0] ?? "", module.default])),
    };
  })();
  return loading;
}

/** The grammar name for a fence's info string ("ts", "TypeScript", "sh {cmd}"), or undefined. */
export function languageFor(lang: string | undefined): string | undefined {
  const word = lang?.trim().split(/[\s{]/)[0]?.toLowerCase() ?? "";
  const name = ALIASES[word] ?? word;
  return name in LANGUAGES ? name : undefined;
}

/**
 * `code` as lines coloured for `lang`. Plain lines (exactly `code.split("\n")`) when colours are off,
 * the language is unknown, or the highlighter is still loading (its first call starts the load).
 * Never throws.
 */
export function highlightCode(code: string, lang: string | undefined, colors: Colors): string[] {
  const plain = code.split("\n");
  const name = languageFor(lang);
  if (!colors.enabled || name === undefined) return plain;
  if (!highlighter) {
    loadHighlighter().catch(() => {});
    return plain;
  }
  try {
    const { core, grammars } = highlighter;
    if (!core.getLanguage(name)) {
      const grammar = grammars.get(name);
      if (!grammar) return plain;
      core.registerLanguage(name, grammar);
    }
    const html = core.highlight(code, { language: name, ignoreIllegals: true }).value;
    return htmlToAnsiLines(html, colors);
  } catch {
    return plain;
  }
}

/** The style for a highlight.js scope ("keyword", "title function_"); undefined leaves the text plain. */
function styleFor(scope: string, colors: Colors): ((text: string) => string) | undefined {
  const [kind = "", ...modifiers] = scope.replace(/\bhljs-/g, "").split(/\s+/);
  switch (kind) {
    case "keyword":
    case "selector-tag":
    case "meta-keyword":
      return colors.magenta;
    case "built_in":
    case "type":
    case "class":
    case "attr":
    case "attribute":
    case "property":
    case "selector-id":
    case "selector-class":
    case "template-variable":
      return colors.cyan;
    case "title":
      return modifiers.includes("class_") ? colors.cyan : colors.blue;
    case "function":
    case "name":
    case "tag":
    case "section":
      return colors.blue;
    case "string":
    case "regexp":
    case "char":
    case "addition":
    case "template-tag":
      return colors.green;
    case "number":
    case "literal":
    case "symbol":
    case "bullet":
    case "link":
    case "variable":
      return colors.yellow;
    case "comment":
    case "doctag":
    case "quote":
    case "meta":
      return colors.gray;
    case "deletion":
      return colors.red;
    case "strong":
    case "emphasis":
      return colors.bold;
    default:
      return undefined;
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the entities highlight.js writes (&amp; &lt; &gt; &quot; &#x27;) and any numeric one. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== "#") return ENTITIES[body.toLowerCase()] ?? entity;
    const code =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * highlight.js HTML → one string per source line. Each piece of text takes the style of its innermost
 * styled span, opened and closed within the line (a comment spanning lines is coloured on each).
 */
export function htmlToAnsiLines(html: string, colors: Colors): string[] {
  const lines: string[] = [""];
  const stack: (((text: string) => string) | undefined)[] = [];
  for (const match of html.matchAll(/<span class="([^"]*)">|<\/span>|([^<]+)/g)) {
    if (match[1] !== undefined) stack.push(styleFor(match[1], colors));
    else if (match[2] === undefined) stack.pop();
    else {
      const style = stack.findLast((entry) => entry !== undefined);
      decodeEntities(match[2])
        .split("\n")
        .forEach((piece, index) => {
          if (index > 0) lines.push("");
          if (piece) lines[lines.length - 1] += style ? style(piece) : piece;
        });
    }
  }
  return lines;
}
