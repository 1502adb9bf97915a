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
  /**
   * Registers the late tools (asked for once, on the first call, with that call's signal) and resolves
   * when they are in; the loop awaits it before its first model call.
   */
  ready(signal?: AbortSignal): Promise<void>;
}

/**
 * Tools known only later (s19's MCP tools, once the servers answered); called at most once, with the
 * signal of the run that first needed them (a question it asks the user ends when that run is interrupted).
 */
export type LateTools = (signal: AbortSignal) => Promise<readonly Tool[]>;

/**
 * A registry of `tools` in the given order, then the `late` ones once `ready` was first called and they
 * resolved. Throws on a duplicate name (a late duplicate rejects `ready`).
 */
export function createToolRegistry(tools: readonly Tool[], late?: LateTools): ToolRegistry {
  const byName = new Map<string, Tool>();
  const add = (tool: Tool) => {
    if (byName.has(tool.name)) throw new Error(`Duplicate tool name: ${tool.name}`);
    byName.set(tool.name, tool);
  };
  for (const tool of tools) add(tool);
  let ready: Promise<void> | undefined;
  let api: Anthropic.Tool[] | undefined;
  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    list: () => [...byName.values()],
    apiTools: () => {
      api ??= [...byName.values()].filter((tool) => !tool.deferred).map(toApiTool);
      return api;
    },
    ready: (signal) => {
      ready ??= late
        ? late(signal ?? new AbortController().signal).then((more) => more.forEach(add))
        : Promise.resolve();
      return ready;
    },
  };
}
