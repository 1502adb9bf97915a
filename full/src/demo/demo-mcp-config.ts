// How the demo session starts its bundled MCP server: an inline `--mcp-config` entry built in code, so the
// server joins like any server the user names on the command line (scope "flag", no approval question).
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The demo server's name: its tools are `mcp__lcc-demo__word_count`, `…__now`, `…__checksum`. */
export const DEMO_MCP_SERVER = "lcc-demo";

/** The demo server's tool the tour calls. */
export const DEMO_MCP_TOOL = "word_count";

/** Defined by scripts/build.mjs in the esbuild bundle: the URL of the bundle file this code runs in. */
declare const LCC_BUNDLE_URL: string | undefined;

/**
 * From the bundle (the checkout's full/dist/ or an installed package): `node demo-mcp-server.mjs`, built
 * beside it, so nothing beyond Node is needed. From the sources: `node --import <tsx> demo-mcp-server.ts`.
 */
export function demoMcpServerCommand(): { command: string; args: string[] } {
  if (typeof LCC_BUNDLE_URL === "string") {
    const bundled = fileURLToPath(new URL("./demo-mcp-server.mjs", LCC_BUNDLE_URL));
    return { command: process.execPath, args: [bundled] };
  }
  const script = fileURLToPath(new URL("./demo-mcp-server.ts", import.meta.url));
  // Resolved from this source file, never from the workspace the server runs in.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return { command: process.execPath, args: ["--import", tsx, script] };
}

/** The inline config (`{"mcpServers":{"lcc-demo":{…}}}`) the demo adds to the --mcp-config values. */
export function demoMcpConfig(): string {
  return JSON.stringify({ mcpServers: { [DEMO_MCP_SERVER]: demoMcpServerCommand() } });
}
