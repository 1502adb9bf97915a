// One tool of an MCP server as an s02 Tool (mcp__server__tool): the server's own JSON schema sent verbatim,
// a zod validator made from it, the call made through the hub (which restarts a crashed server), and a
// failure told to the model as what happened and what comes next.
import type Anthropic from "@anthropic-ai/sdk";
import { type Tool, ToolError } from "@lcc/s02";
import { z } from "zod";
import type { McpHub } from "../hub/mcp-hub.ts";
import type { McpTool } from "../mcp/mcp-client.ts";
import { isMcpError } from "../mcp/mcp-error.ts";
import { toMcpToolResult } from "./mcp-tool-result.ts";

export type { McpToolDetails } from "./mcp-tool-result.ts";

/** The longest description the model gets of one MCP tool (a server may send pages of text). */
export const MCP_DESCRIPTION_MAX_CHARS = 2_048;

/** "[server] description", cut to MCP_DESCRIPTION_MAX_CHARS. Pure. */
export function describeMcpTool(server: string, tool: McpTool): string {
  const text = `[${server}] ${tool.description?.trim() || tool.title || tool.name}`;
  return text.length <= MCP_DESCRIPTION_MAX_CHARS ? text : `${text.slice(0, MCP_DESCRIPTION_MAX_CHARS - 1)}…`;
}

/** The server's schema as the API's input schema: verbatim, `type: "object"` added only if missing. */
function apiInputSchema(schema: Record<string, unknown>): Anthropic.Tool.InputSchema {
  return (schema.type === "object" ? schema : { ...schema, type: "object" }) as Anthropic.Tool.InputSchema;
}

/** A zod validator from the server's JSON schema; any object when zod cannot read the schema. */
function inputValidator(schema: Record<string, unknown>): z.ZodType {
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    return z.looseObject({});
  }
}

/** "hello world" for `{ message: "hello world" }`: the first text argument, else `key=value` pairs. Pure. */
export function summarizeMcpInput(input: unknown): string {
  if (typeof input !== "object" || input === null) return "";
  const entries = Object.entries(input);
  const firstText = entries.find(([, value]) => typeof value === "string")?.[1] as string | undefined;
  const summary = firstText ?? entries.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(" ");
  const line = summary.replace(/\s+/g, " ").trim();
  return line.length <= 80 ? line : `${line.slice(0, 79)}…`;
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1_000));
}

/** The model's account of a failed MCP call: what happened, and what it can do next. Pure. */
export function describeMcpFailure(server: string, tool: string, error: unknown): string {
  if (!isMcpError(error)) return `${tool} on MCP server ${server} failed: ${String(error)}`;
  const retry = error.details.retryInMs;
  switch (error.kind) {
    case "server_exited":
      return `${error.message}; it will be restarted on the next call${retry ? ` (in ${secondsOf(retry)} s at the earliest)` : ""}. The call may or may not have taken effect.`;
    case "not_connected":
    case "connect_failed":
      return `${error.message}. Its tools cannot be used right now: carry on without them, or tell the user.`;
    case "timeout":
      return `${tool} on MCP server ${server}: ${error.message}. The server may still be working on it; check before repeating a call that changes things.`;
    case "remote":
      return `MCP server ${server} refused the call of ${tool}: ${error.message}`;
    case "protocol":
      return `MCP server ${server} answered ${tool} with something unreadable: ${error.message}`;
    case "aborted":
      return `${tool} on MCP server ${server} was interrupted.`;
    case "closed":
      return error.message;
  }
}

/**
 * `tool` of `server` as a Tool named `fullName` (mcp__server__tool, see tool-names.ts). Never readOnly (the
 * permission check asks, whatever the server's readOnlyHint says); `destructive` from destructiveHint. The
 * result keeps text and images and carries McpToolDetails; a hub failure is thrown as a ToolError.
 */
export function createMcpTool(hub: McpHub, server: string, tool: McpTool, fullName: string): Tool {
  return {
    name: fullName,
    description: describeMcpTool(server, tool),
    input: inputValidator(tool.inputSchema),
    inputSchema: apiInputSchema(tool.inputSchema),
    ...(tool.annotations?.destructiveHint === true ? { destructive: true } : {}),
    summarizeInput: summarizeMcpInput,
    async run(input, context) {
      const args = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
      try {
        const result = await hub.callTool(server, tool.name, args, { signal: context.signal });
        return toMcpToolResult(result, server, tool.name);
      } catch (error) {
        throw new ToolError(describeMcpFailure(server, tool.name, error));
      }
    },
  };
}
