// The demo tour's MCP step (s19): a call of the bundled server's word_count on the user's prompt, listed
// as mcp__lcc-demo__word_count, or through use_tool when it is deferred (s20); skipped when neither is
// there (the server failed to start: /mcp says why).
import { mcpToolName } from "@lcc/s19"; // s19: mcp__<server>__<tool>
import { type FakeReply, type RecordedRequest, reply, text } from "@lcc/testkit";
import { DEMO_MCP_SERVER, DEMO_MCP_TOOL } from "./demo-mcp-config.ts";
import { callsOf, callTool } from "./demo-results.ts";

/** The full name of the tool the tour calls. */
export const DEMO_MCP_TOOL_NAME = mcpToolName(DEMO_MCP_SERVER, DEMO_MCP_TOOL);

/**
 * True when the tour can call the demo server's tool: listed, or reachable through use_tool (deferred, or its
 * server still connecting at the first request; if it never connected, the call's error says why).
 */
export function hasDemoMcpTool(listed: ReadonlySet<string>): boolean {
  return listed.has(DEMO_MCP_TOOL_NAME) || listed.has("use_tool");
}

/** The plan line this step adds. */
export function mcpPlanItems(listed: ReadonlySet<string>): string[] {
  return hasDemoMcpTool(listed) ? ["Count your prompt's words with an MCP tool"] : [];
}

/** The step: the MCP call (through the same permission and hook pipeline as every tool). */
export function mcpSteps(listed: ReadonlySet<string>, prompt: string, id: () => string): FakeReply[] {
  const call = callTool(listed, DEMO_MCP_TOOL_NAME, { text: prompt.slice(0, 2000) }, id());
  if (!call) return [];
  return [
    reply(
      text(
        `Now a tool from an MCP server (s19): "${DEMO_MCP_SERVER}", a small stdio server bundled with lcc.`,
      ),
      call,
    ),
  ];
}

/** The summary's line about the MCP call (`request`: the one the summary answers). */
export function mcpSummary(request: RecordedRequest): string {
  const call = callsOf(request).findLast((entry) => entry.name === DEMO_MCP_TOOL_NAME);
  if (!call?.result) return "";
  if (call.result.isError)
    return `The MCP call ${DEMO_MCP_TOOL_NAME} did not run: ${call.result.text.split("\n")[0]}\n`;
  return `The MCP server ${DEMO_MCP_SERVER} counted your prompt: ${call.result.text} (${DEMO_MCP_TOOL_NAME}; /mcp lists the server and its tools).\n`;
}
