// The tool budget: how much of every request MCP tools' definitions may take before they are deferred behind
// tool_search. Their bytes are resent on every request, so a large catalogue costs context on every turn. Pure.
import { type Tool, toApiTool } from "@lcc/s02";

/** The share of the context window MCP tool definitions may take (Claude Code defers at 10% too). */
export const DEFAULT_TOOL_BUDGET_SHARE = 0.1;

/** Characters per token used for this estimate (before any request there is no reported count to use). */
export const CHARS_PER_TOKEN = 4;

/** The bytes `tools` add to a request: the UTF-8 JSON of their API definitions, as the request carries them. */
export function toolRequestBytes(tools: readonly Tool[]): number {
  return Buffer.byteLength(JSON.stringify(tools.map(toApiTool)));
}

/** What the budget decided, with the numbers behind it (/mcp and the tests read them). */
export interface ToolBudget {
  /** The MCP tools' request bytes. */
  bytes: number;
  /** `share` × `contextTokens` × CHARS_PER_TOKEN, or `maxBytes` when that is smaller. */
  budget: number;
  /** True when `bytes` > `budget`: every MCP tool is left out of the request and found through tool_search. */
  defer: boolean;
}

/**
 * Judges `tools` against `share` of a `contextTokens` window, and against `maxBytes` when given (s20 keeps
 * the whole first request within its size target this way).
 */
export function judgeToolBudget(
  tools: readonly Tool[],
  contextTokens: number,
  share = DEFAULT_TOOL_BUDGET_SHARE,
  maxBytes = Number.POSITIVE_INFINITY,
): ToolBudget {
  const bytes = toolRequestBytes(tools);
  const budget = Math.min(Math.floor(share * contextTokens * CHARS_PER_TOKEN), maxBytes);
  return { bytes, budget, defer: bytes > budget };
}
