// EXERCISE (s19 02): what MCP servers say about themselves at `initialize` (`instructions`) reaches the model:
// one system-prompt section built from the connected servers, added once they have connected.
import { extendSetup, type SystemSection } from "@lcc/s02";
import type { McpServerView, McpSetup } from "@lcc/s19";

/** The most characters of one server's instructions the model reads (a server may send pages). */
export const SERVER_INSTRUCTIONS_MAX_CHARS = 2_048;

/**
 * The `mcp-instructions` section: a heading, one line saying what the instructions are for, then
 * `## <server>` and its instructions (trimmed, cut to SERVER_INSTRUCTIONS_MAX_CHARS ending in `…`) for each
 * connected server that sent non-blank ones, in the hub's order. Undefined when there are none. Pure.
 */
export function serverInstructionsSection(servers: readonly McpServerView[]): SystemSection | undefined {
  void servers;
  return undefined;
}

/**
 * `setup` with the section added, once every server started has connected or failed, or after `waitMs`
 * (the prompt is then fixed for the session, so the prompt cache stays warm). Never rejects.
 */
export async function withServerInstructions(setup: McpSetup, waitMs: number): Promise<McpSetup> {
  void waitMs;
  void extendSetup;
  return setup;
}
