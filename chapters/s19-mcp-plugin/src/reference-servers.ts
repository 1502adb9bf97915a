// Where the MCP reference servers installed as this chapter's dev dependencies are (server-everything,
// server-filesystem, server-memory): what the demo, the tests and lcc's tests start, with node and an argument
// array (no npx, no network).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The folder of an installed reference server package (`@modelcontextprotocol/server-everything` …). */
export function referenceServerFolder(packageName: string): string {
  return dirname(createRequire(import.meta.url).resolve(`${packageName}/package.json`));
}

/** server-everything's folder (its `dist/index.js` takes the transport: `stdio`, `streamableHttp`). */
export const EVERYTHING_FOLDER = referenceServerFolder("@modelcontextprotocol/server-everything");

/** server-everything over stdio as a `.mcp.json` entry, run by this node. */
export function everythingEntry(): { command: string; args: string[] } {
  return { command: process.execPath, args: [join(EVERYTHING_FOLDER, "dist", "index.js"), "stdio"] };
}
