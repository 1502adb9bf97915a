// Test helpers for lcc's MCP tests: the reference server-everything (a dev dependency of s19, resolved from
// that package) as a `.mcp.json` entry, and a config whose server cannot start. Used by *.test.ts only.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const s19Package = fileURLToPath(new URL("../../chapters/s19-mcp-plugin/package.json", import.meta.url));
const everythingFolder = dirname(
  createRequire(s19Package).resolve("@modelcontextprotocol/server-everything/package.json"),
);

/** server-everything over stdio as a config entry: node and an argument array, no npx, no network. */
export function everythingServer(): { command: string; args: string[] } {
  return { command: process.execPath, args: [join(everythingFolder, "dist", "index.js"), "stdio"] };
}

/** `{"mcpServers": {…}}` text for a `.mcp.json` or an inline --mcp-config. */
export function mcpServersJson(servers: Record<string, unknown>): string {
  return JSON.stringify({ mcpServers: servers });
}

/** A server whose command does not exist: it fails at start with the reason (s19 never hides it). */
export const BROKEN_SERVER = { command: "lcc-test-no-such-mcp-server" } as const;
