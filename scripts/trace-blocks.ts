// How the trace viewer shows messages and content blocks: one line per block, previews cut with sizes.
import type { Style } from "./trace-text.ts";
import { type PreviewOptions, previewText, previewValue } from "./trace-text.ts";

/** What rendering a block needs: the styles and how to cut previews. */
export interface BlockRendering {
  style: Style;
  preview: PreviewOptions;
}

/**
 * A message of a request's `messages`: `+ user: "text"` when it is one piece of text, else a header line
 * and one indented line per content block.
 */
export function renderMessage(message: unknown, rendering: BlockRendering): string[] {
  const { role, content } = asRecord(message);
  const who = `+ ${String(role ?? "?")}`;
  if (typeof content === "string") return [`  ${who}: ${previewText(content, rendering.preview)}`];
  if (!Array.isArray(content)) return [`  ${who}: ${previewValue(content, rendering.preview)}`];
  const [only] = content;
  if (content.length === 1 && asRecord(only).type === "text") {
    return [`  ${who}: ${previewText(String(asRecord(only).text ?? ""), rendering.preview)}`];
  }
  return [`  ${who}`, ...content.map((block) => `      ${renderBlock(block, rendering)}`)];
}

/** One content block on one line: text, thinking, tool_use, tool_result, an image, or any other type. */
export function renderBlock(block: unknown, { style, preview }: BlockRendering): string {
  const fields = asRecord(block);
  switch (fields.type) {
    case "text":
      return `text ${previewText(String(fields.text ?? ""), preview)}`;
    case "thinking":
      return style.dim(`thinking ${previewText(String(fields.thinking ?? ""), preview)}`);
    case "redacted_thinking":
      return style.dim("thinking (redacted)");
    case "tool_use":
    case "server_tool_use":
      return `${style.tool(`${fields.type} ${String(fields.name)}`)} ${previewValue(fields.input, preview)} ${style.dim(String(fields.id ?? ""))}`;
    case "tool_result": {
      const label = fields.is_error === true ? style.error("tool_result (error)") : "tool_result";
      return `${label} ${style.dim(String(fields.tool_use_id ?? ""))}: ${previewText(resultText(fields.content), preview)}`;
    }
    case "image":
    case "document":
      return style.dim(`[${fields.type}]`);
    default: {
      const { type, ...rest } = fields;
      return `${String(type)} ${previewValue(rest, preview)}`;
    }
  }
}

/** A tool_result's content as the model reads it: its text, with other blocks named in brackets. */
export function resultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return content === undefined ? "" : JSON.stringify(content);
  return content
    .map((block) => {
      const fields = asRecord(block);
      return fields.type === "text" ? String(fields.text ?? "") : `[${String(fields.type)}]`;
    })
    .join("\n");
}

/** The text of a system prompt given as a string or as text blocks. */
export function systemText(system: unknown): string {
  if (typeof system === "string") return system;
  return resultText(system);
}

/** The object's fields, or none for anything that is not an object. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
