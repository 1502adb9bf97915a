// Reading the results of `initialize`, `tools/list` and `tools/call` off the wire: checked with zod
// (extra fields ignored), a bad shape rejected as a protocol error that says what was wrong.
import { z } from "zod";
import type { McpCallResult, McpServerInfo, McpTool } from "./mcp-client.ts";
import { toContentBlocks } from "./mcp-content.ts";
import { McpError } from "./mcp-error.ts";

const initializeResultSchema = z.object({
  protocolVersion: z.string(),
  capabilities: z.record(z.string(), z.unknown()),
  serverInfo: z.object({ name: z.string(), version: z.string() }),
  instructions: z.string().optional(),
});

const toolSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: z.record(z.string(), z.unknown()),
  annotations: z
    .object({
      title: z.string().optional(),
      readOnlyHint: z.boolean().optional(),
      destructiveHint: z.boolean().optional(),
      idempotentHint: z.boolean().optional(),
      openWorldHint: z.boolean().optional(),
    })
    .optional(),
});

const toolPageSchema = z.object({ tools: z.array(toolSchema), nextCursor: z.string().optional() });

const callResultSchema = z.object({
  content: z.array(z.unknown()).default([]),
  isError: z.boolean().optional(),
  structuredContent: z.record(z.string(), z.unknown()).optional(),
});

function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new McpError(
    "protocol",
    `bad ${what} result: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"}`,
  );
}

/** Drops keys whose value is undefined, for `exactOptionalPropertyTypes`. */
function defined<Value extends object>(value: Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Value;
}

/** The server's identity from an `initialize` result; throws `McpError` (protocol) on a bad shape. */
export function toServerInfo(raw: unknown): McpServerInfo {
  const result = parse(initializeResultSchema, raw, "initialize");
  const info: McpServerInfo = {
    name: result.serverInfo.name,
    version: result.serverInfo.version,
    protocolVersion: result.protocolVersion,
    capabilities: result.capabilities,
  };
  if (result.instructions !== undefined) info.instructions = result.instructions;
  return info;
}

/** One page of `tools/list`; throws `McpError` (protocol) on a bad shape. */
export function toToolPage(raw: unknown): { tools: McpTool[]; nextCursor?: string } {
  const page = parse(toolPageSchema, raw, "tools/list");
  const tools = page.tools.map((tool) =>
    defined({ ...tool, annotations: tool.annotations === undefined ? undefined : defined(tool.annotations) }),
  ) as McpTool[];
  return page.nextCursor === undefined ? { tools } : { tools, nextCursor: page.nextCursor };
}

/** A `tools/call` result with every content block kept; throws `McpError` (protocol) on a bad shape. */
export function toCallResult(raw: unknown): McpCallResult {
  const result = parse(callResultSchema, raw, "tools/call");
  const callResult: McpCallResult = {
    content: toContentBlocks(result.content),
    isError: result.isError === true,
  };
  if (result.structuredContent !== undefined) callResult.structuredContent = result.structuredContent;
  return callResult;
}
