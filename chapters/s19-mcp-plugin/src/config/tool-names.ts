// The name the model sees for an MCP tool: `mcp__<server>__<tool>`, as Claude Code names them, kept
// inside the API's tool-name rules (^[a-zA-Z0-9_-]{1,64}$) and distinct for distinct tools.
import { createHash } from "node:crypto";

/** The API's longest tool name. */
export const MCP_TOOL_NAME_MAX = 64;

const HASH_CHARACTERS = 8;

/** `text` with every character outside [A-Za-z0-9_-] replaced by `_` (never removed, so never shorter). */
export function sanitizeNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, "_");
}

/**
 * `mcp__<server>__<tool>` with both parts sanitised. A name over MCP_TOOL_NAME_MAX is cut and ends
 * with `_` and 8 hex characters of a sha256 of the unsanitised pair, so two long names that share
 * their start stay distinct. Pure: the same pair always gives the same name.
 */
export function mcpToolName(server: string, tool: string): string {
  const full = `mcp__${sanitizeNamePart(server)}__${sanitizeNamePart(tool)}`;
  if (full.length <= MCP_TOOL_NAME_MAX) return full;
  const hash = createHash("sha256")
    .update(JSON.stringify([server, tool]))
    .digest("hex")
    .slice(0, HASH_CHARACTERS);
  return `${full.slice(0, MCP_TOOL_NAME_MAX - HASH_CHARACTERS - 1)}_${hash}`;
}

/** A server and tool as the server named them. */
export interface McpToolRef {
  server: string;
  tool: string;
}

export interface ToolNamer {
  /**
   * The tool's full name, or `{ collision }` naming the pair that already has that name ("a.b" and
   * "a_b" both sanitise to `a_b`): the second pair is refused, never renamed. Naming a pair again
   * gives the same name.
   */
  name(server: string, tool: string): string | { collision: string };
  /** The pair a full name was given to, or undefined when this namer never gave it out. */
  resolve(fullName: string): McpToolRef | undefined;
}

/** A namer for one tool list: each full name belongs to at most one server/tool pair. */
export function createToolNamer(): ToolNamer {
  const owners = new Map<string, McpToolRef>();
  return {
    name(server, tool) {
      const fullName = mcpToolName(server, tool);
      const owner = owners.get(fullName);
      if (owner === undefined) owners.set(fullName, { server, tool });
      else if (owner.server !== server || owner.tool !== tool)
        return { collision: `server ${JSON.stringify(owner.server)}, tool ${JSON.stringify(owner.tool)}` };
      return fullName;
    },
    resolve(fullName) {
      const owner = owners.get(fullName);
      return owner && { ...owner };
    },
  };
}
