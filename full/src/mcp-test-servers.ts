// Test helpers for lcc's MCP tests: the reference server-everything (a dev dependency of s19, found by s19's
// reference-servers.ts) as a `.mcp.json` entry, and a config whose server cannot start. Used by *.test.ts only.
import { everythingEntry } from "@lcc/s19/reference-servers";

/** server-everything over stdio as a config entry: node and an argument array, no npx, no network. */
export const everythingServer = everythingEntry;

/** `{"mcpServers": {…}}` text for a `.mcp.json` or an inline --mcp-config. */
export function mcpServersJson(servers: Record<string, unknown>): string {
  return JSON.stringify({ mcpServers: servers });
}

/** A server whose command does not exist: it fails at start with the reason (s19 never hides it). */
export const BROKEN_SERVER = { command: "lcc-test-no-such-mcp-server" } as const;
