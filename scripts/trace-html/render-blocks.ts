// HTML for texts, JSON values, messages and content blocks of the trace page: long texts fold into <details>
// that say their size; every text is escaped.

import { asRecord, resultText } from "../trace-blocks.ts";
import { formatCount } from "../trace-text.ts";
import { escapeHtml } from "./html-escape.ts";
import { type RenderContext, toolId, turnId } from "./render-context.ts";

/** A text folds when it has more characters than this… */
export const FOLD_CHARS = 600;
/** …or more lines than this. */
export const FOLD_LINES = 12;

/**
 * The text in a `<pre>`; folded into `<details>` whose summary gives its size and first line when longer than
 * {@link FOLD_CHARS} characters or {@link FOLD_LINES} lines.
 */
export function foldableText(text: string, className = "text"): string {
  const characters = Array.from(text);
  const lines = text.split("\n");
  const pre = `<pre class="${className}">${escapeHtml(text)}</pre>`;
  if (characters.length <= FOLD_CHARS && lines.length <= FOLD_LINES) return pre;
  const peek = Array.from(lines[0] ?? "")
    .slice(0, 80)
    .join("");
  const size = `${formatCount(characters.length)} chars, ${formatCount(lines.length)} lines`;
  return `<details class="fold"><summary><span class="size">${size}</span> <span class="peek">${escapeHtml(peek)}…</span></summary>${pre}</details>`;
}

/** A JSON value: an object one field per row (strings as text), anything else as indented JSON. */
export function jsonValue(value: unknown): string {
  if (typeof value === "string") return foldableText(value);
  const fields = Object.entries(asRecord(value));
  if (fields.length === 0 || Array.isArray(value))
    return foldableText(JSON.stringify(value, null, 2) ?? "", "json");
  const rows = fields.map(
    ([key, field]) =>
      `<div class="field"><span class="key">${escapeHtml(key)}</span>${
        typeof field === "string"
          ? foldableText(field)
          : foldableText(JSON.stringify(field, null, 2) ?? "", "json")
      }</div>`,
  );
  return `<div class="fields">${rows.join("")}</div>`;
}

/** A message a request adds, or a line that names the earlier turn whose reply it is. */
export function messageHtml(
  message: unknown,
  replyOfTurn: number | undefined,
  context: RenderContext,
): string {
  const { role, content } = asRecord(message);
  const who = escapeHtml(String(role ?? "?"));
  if (replyOfTurn !== undefined) {
    const link = `<a href="#${turnId(context, replyOfTurn)}">turn ${replyOfTurn}</a>`;
    return `<div class="message reply-ref" data-role="${who}"><span class="role">+ ${who}</span> the reply of ${link}</div>`;
  }
  const blocks = Array.isArray(content)
    ? content.map((block) => blockHtml(block, context)).join("")
    : typeof content === "string"
      ? foldableText(content)
      : jsonValue(content);
  return `<div class="message" data-role="${who}"><span class="role">+ ${who}</span>${blocks}</div>`;
}

/** One content block: text, thinking, tool_use, tool_result, an image, or any other type as JSON. */
export function blockHtml(block: unknown, context: RenderContext): string {
  const fields = asRecord(block);
  switch (fields.type) {
    case "text":
      return foldableText(String(fields.text ?? ""));
    case "thinking": {
      const thinking = String(fields.thinking ?? "");
      return `<details class="thinking"><summary>thinking (${formatCount(Array.from(thinking).length)} chars)</summary><pre class="text">${escapeHtml(thinking)}</pre></details>`;
    }
    case "redacted_thinking":
      return `<div class="dim">thinking (redacted)</div>`;
    case "tool_use":
    case "server_tool_use": {
      const id = String(fields.id ?? "");
      const head = `<span class="label">${escapeHtml(String(fields.type))}</span> <b>${escapeHtml(String(fields.name))}</b> <a href="#${toolId(context, id)}">${escapeHtml(id)}</a>`;
      return `<div class="block-tool-use">${head}${jsonValue(fields.input)}</div>`;
    }
    case "tool_result":
      return toolResultHtml(fields, context);
    case "image":
    case "document":
      return `<div class="dim">[${escapeHtml(String(fields.type))}]</div>`;
    default: {
      const { type, ...rest } = fields;
      return `<div class="block-other"><span class="label">${escapeHtml(String(type))}</span>${jsonValue(rest)}</div>`;
    }
  }
}

/** A tool_result: a link to its tool call when that shows the same text, else the text itself. */
function toolResultHtml(fields: Record<string, unknown>, context: RenderContext): string {
  const id = String(fields.tool_use_id ?? "");
  const text = resultText(fields.content);
  const error = fields.is_error === true ? ` <span class="error">error</span>` : "";
  const link = `<a href="#${toolId(context, id)}">${escapeHtml(id)}</a>`;
  const head = `<span class="label">tool_result</span> ${link}${error}`;
  const call = context.session.toolCalls.get(id);
  const shown = call?.record?.output ?? call?.result?.text;
  if (call && shown === text) {
    return `<div class="block-tool-result">${head} <span class="dim">(${formatCount(Array.from(text).length)} chars, as the tool call shows)</span></div>`;
  }
  return `<div class="block-tool-result">${head}${foldableText(text)}</div>`;
}
