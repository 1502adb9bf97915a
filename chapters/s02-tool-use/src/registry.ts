// A registry: tool name → tool, in the order the model sees them. Duplicate names are refused.
import type Anthropic from "@anthropic-ai/sdk";
import { type Tool, toApiTool } from "./tool.ts";

export interface ToolRegistry {
  get(name: string): Tool | undefined;
  names(): string[];
  list(): Tool[];
  /** The `tools` array for the request; computed once so the bytes stay identical every turn. */
  apiTools(): Anthropic.Tool[];
}

/** A registry of `tools` in the given order. Throws on a duplicate name. */
export function createToolRegistry(tools: readonly Tool[]): ToolRegistry {
  const byName = new Map<string, Tool>();
  for (const tool of tools) {
    if (byName.has(tool.name)) throw new Error(`Duplicate tool name: ${tool.name}`);
    byName.set(tool.name, tool);
  }
  let api: Anthropic.Tool[] | undefined;
  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    list: () => [...byName.values()],
    apiTools: () => {
      api ??= [...byName.values()].map(toApiTool);
      return api;
    },
  };
}
