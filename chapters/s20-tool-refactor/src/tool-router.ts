// The router: one table of every tool a session can call — built-in chapters' tools, MCP servers' tools, the
// agent tool — with where each comes from and the traits the pipeline and the dispatch act on, plus the
// dispatch itself. s02's registry and pipeline do the routing; this is where a reader sees all of it at once.
import type { DispatchToolCalls, Tool } from "@lcc/s02";
import { DEFERRED_BUILT_IN_TOOLS } from "./deferred-built-ins.ts";
import { createParallelDispatch, DEFAULT_MAX_CONCURRENCY } from "./parallel-dispatch.ts";
import { type SourceLookup, type ToolSource, toolSourceOf } from "./tool-sources.ts";

/** The typed metadata every tool may carry (s02's Tool fields), each resolved to a boolean. */
export interface ToolTraitFlags {
  /** Never changes the workspace or the world: plan mode allows it, an explore subagent gets it. */
  readOnly: boolean;
  /** May destroy what cannot be got back (MCP's destructiveHint). Reported; the permission rules decide. */
  destructive: boolean;
  /** With readOnly: runs together with the other such calls of its round. */
  concurrencySafe: boolean;
  /** The lead's alone: never given to a subagent or a teammate. */
  parentOnly: boolean;
  /** Left out of the request's tool list; found with tool_search, called with use_tool. */
  deferred: boolean;
}

/** The trait names in the order /tools prints them. */
export const TRAIT_NAMES = ["readOnly", "destructive", "concurrencySafe", "parentOnly", "deferred"] as const;

/** One row of the router table. */
export interface RouterEntry {
  name: string;
  source: ToolSource;
  traits: ToolTraitFlags;
  /** In the request's tool list (false: deferred). */
  listed: boolean;
  /** Routes its calls to another tool (use_tool): the dispatch and the pipeline judge the target. */
  forwards: boolean;
  /** Why a deferred built-in is not listed. */
  deferReason?: string;
}

export interface ToolRouterOptions {
  /** Calls of one parallel run in flight at once (default 10, as Claude Code). */
  maxConcurrency?: number;
  /** Built-in tools to defer, each with the reason (default DEFERRED_BUILT_IN_TOOLS; `{}` lists every tool). */
  deferred?: Readonly<Record<string, string>>;
  /** How tools are traced to their source (MCP server names, a later layer's own tools). */
  sources?: SourceLookup;
}

export interface ToolRouter {
  /** The dispatch for the setup: read-only, concurrency-safe calls together, the rest alone, results in order. */
  readonly dispatch: DispatchToolCalls;
  readonly maxConcurrency: number;
  /** The built-in tools this router defers, with why. */
  readonly deferred: Readonly<Record<string, string>>;
  /** The table over `tools` (a registry's list: the setup's tools and, once loaded, the late ones), in order. */
  table(tools: readonly Tool[]): RouterEntry[];
}

/** Each trait of `tool` as a boolean (absent = false). */
export function traitsOf(tool: Tool): ToolTraitFlags {
  return {
    readOnly: tool.readOnly === true,
    destructive: tool.destructive === true,
    concurrencySafe: tool.concurrencySafe === true,
    parentOnly: tool.parentOnly === true,
    deferred: tool.deferred === true,
  };
}

/** A router: the parallel dispatch, the deferral list and the table. Throws on a bad maxConcurrency. */
export function createToolRouter(options: ToolRouterOptions = {}): ToolRouter {
  const maxConcurrency = options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  const deferred = options.deferred ?? DEFERRED_BUILT_IN_TOOLS;
  return {
    dispatch: createParallelDispatch({ maxConcurrency }),
    maxConcurrency,
    deferred,
    table: (tools) =>
      tools.map((tool) => {
        const traits = traitsOf(tool);
        const reason = traits.deferred ? deferred[tool.name] : undefined;
        return {
          name: tool.name,
          source: toolSourceOf(tool.name, options.sources),
          traits,
          listed: !traits.deferred,
          forwards: tool.forward !== undefined,
          ...(reason ? { deferReason: reason } : {}),
        };
      }),
  };
}
