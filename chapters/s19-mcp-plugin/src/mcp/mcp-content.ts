// MCP content blocks as the harness keeps them: text, images and audio with their data, resources and
// resource links; anything else survives as a short text marker instead of vanishing.

export type McpContentBlock =
  | { type: "text"; text: string }
  | { type: "image"; data: string; mimeType: string }
  | { type: "audio"; data: string; mimeType: string }
  | { type: "resource_link"; uri: string; name: string; mimeType?: string }
  | { type: "resource"; uri: string; mimeType?: string; text?: string; blob?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" ? value : undefined;
}

/** Converts one raw block; never throws (an unknown or malformed block becomes a text marker). */
export function toContentBlock(raw: unknown): McpContentBlock {
  if (!isRecord(raw)) return { type: "text", text: "[malformed MCP content block]" };
  const type = stringField(raw, "type");
  const text = stringField(raw, "text");
  const data = stringField(raw, "data");
  const mimeType = stringField(raw, "mimeType");
  if (type === "text" && text !== undefined) return { type, text };
  if ((type === "image" || type === "audio") && data !== undefined && mimeType !== undefined) {
    return { type, data, mimeType };
  }
  const uri = stringField(raw, "uri");
  const name = stringField(raw, "name");
  if (type === "resource_link" && uri !== undefined) {
    return { type, uri, name: name ?? uri, ...(mimeType === undefined ? {} : { mimeType }) };
  }
  if (type === "resource" && isRecord(raw.resource)) {
    const resource = raw.resource;
    const block: McpContentBlock = { type, uri: stringField(resource, "uri") ?? "" };
    const resourceMime = stringField(resource, "mimeType");
    const resourceText = stringField(resource, "text");
    const blob = stringField(resource, "blob");
    if (resourceMime !== undefined) block.mimeType = resourceMime;
    if (resourceText !== undefined) block.text = resourceText;
    if (blob !== undefined) block.blob = blob;
    return block;
  }
  return { type: "text", text: `[unsupported MCP content block: ${type ?? "no type"}]` };
}

/** Converts a result's `content` array; a missing or non-array value gives no blocks. */
export function toContentBlocks(raw: unknown): McpContentBlock[] {
  return Array.isArray(raw) ? raw.map(toContentBlock) : [];
}
