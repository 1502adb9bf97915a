// An MCP tool's answer as the model reads it: text kept, images the API accepts as image blocks, everything
// else (other images, audio, resources, links) as a short text the model can act on. Pure.
import type Anthropic from "@anthropic-ai/sdk";
import { capOutput } from "@lcc/s01";
import type { ToolResult } from "@lcc/s02";
import type { McpCallResult } from "../mcp/mcp-client.ts";
import type { McpContentBlock } from "../mcp/mcp-content.ts";

/** What an MCP tool's result carries for the UI, logs and tests. */
export interface McpToolDetails {
  server: string;
  tool: string;
  /** The tool itself reported an error (`isError: true`). */
  isError: boolean;
  /** Image blocks passed on to the model. */
  images: number;
}

/** The image types the Messages API accepts. */
const API_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
type ApiImageType = (typeof API_IMAGE_TYPES)[number];

function isApiImageType(mimeType: string): mimeType is ApiImageType {
  return (API_IMAGE_TYPES as readonly string[]).includes(mimeType);
}

/** Bytes encoded by a base64 string. */
function base64Bytes(data: string): number {
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

/** One block as text, or undefined for an image the API takes as is. */
function describeBlock(block: McpContentBlock): string | undefined {
  switch (block.type) {
    case "text":
      return block.text;
    case "image":
      return isApiImageType(block.mimeType)
        ? undefined
        : `[image ${block.mimeType}, ${base64Bytes(block.data)} bytes: not shown, only PNG, JPEG, GIF and WebP images reach the model]`;
    case "audio":
      return `[audio ${block.mimeType}, ${base64Bytes(block.data)} bytes: not shown, audio does not reach the model]`;
    case "resource_link":
      return `[resource link ${block.name}: ${block.uri}${block.mimeType ? ` (${block.mimeType})` : ""}]`;
    case "resource": {
      const type = block.mimeType ? ` (${block.mimeType})` : "";
      if (block.text !== undefined) return `[resource ${block.uri}${type}]\n${capOutput(block.text)}`;
      const size =
        block.blob === undefined ? "no content" : `${base64Bytes(block.blob)} bytes of binary data`;
      return `[resource ${block.uri}${type}: ${size}, not shown]`;
    }
  }
}

/**
 * The ToolResult of an MCP call: adjacent text joined into one block, images as base64 image blocks, `isError`
 * kept. No content at all gives the structured content as JSON, or a line saying the tool returned nothing.
 */
export function toMcpToolResult(result: McpCallResult, server: string, tool: string): ToolResult {
  const blocks: Array<Anthropic.TextBlockParam | Anthropic.ImageBlockParam> = [];
  let images = 0;
  const addText = (text: string) => {
    const last = blocks.at(-1);
    if (last?.type === "text") last.text = `${last.text}\n${text}`;
    else blocks.push({ type: "text", text });
  };
  for (const block of result.content) {
    const text = describeBlock(block);
    if (text !== undefined) addText(text);
    else if (block.type === "image" && isApiImageType(block.mimeType)) {
      blocks.push({
        type: "image",
        source: { type: "base64", media_type: block.mimeType, data: block.data },
      });
      images += 1;
    }
  }
  if (blocks.length === 0)
    addText(
      result.structuredContent === undefined
        ? "(the tool returned no content)"
        : JSON.stringify(result.structuredContent, null, 2),
    );
  const details: McpToolDetails = { server, tool, isError: result.isError, images };
  const onlyText = blocks.length === 1 && blocks[0]?.type === "text";
  return {
    content: onlyText && blocks[0]?.type === "text" ? blocks[0].text : blocks,
    ...(result.isError ? { isError: true } : {}),
    details,
  };
}
