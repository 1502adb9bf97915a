// A registry: tool name → tool, in the order the model sees them. Duplicate names are refused.
import type Anthropic from "@anthropic-ai/sdk";
import { type Tool, toApiTool } from "./tool.ts";

export interface ToolRegistry {
  get(name: string): Tool | undefined;
  names(): string[];
  list(): Tool[];
  /**
   * The `tools` array for the request (deferred tools left out); computed once, after `ready`, so the
   * bytes stay identical every turn.
   */
  apiTools(): Anthropic.Tool[];
  /** Resolves once the late tools (if any) are registered; the loop awaits it before its first model call. */
  ready(): Promise<void>;
}

/**
 * A registry of `tools` in the given order, then the `late` ones when their promise resolves (s19's MCP
 * tools, known once the servers answered). Throws on a duplicate name (a late duplicate rejects `ready`).
 */
export function createToolRegistry(tools: readonly Tool[], late?: Promise<readonly Tool[]>): ToolRegistry {
  const byName = new Map<string, Tool>();
  const add = (tool: Tool) => {
    if (byName.has(tool.name)) throw new Error(`Duplicate tool name: ${tool.name}`);
    byName.set(tool.name, tool);
  };
  for (const tool of tools) add(tool);
  const ready = late ? late.then((more) => more.forEach(add)) : Promise.resolve();
  // A failure is reported where `ready` is awaited; never as an unhandled rejection.
  ready.catch(() => {});
  let api: Anthropic.Tool[] | undefined;
  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    list: () => [...byName.values()],
    apiTools: () => {
      api ??= [...byName.values()].filter((tool) => !tool.deferred).map(toApiTool);
      return api;
    },
    ready: () => ready,
  };
}
