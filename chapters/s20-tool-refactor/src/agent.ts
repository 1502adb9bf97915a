// The s20 chapter (tool refactor) on s19's setup: one router over every tool source, the parallel dispatch,
// rarely used built-ins deferred behind tool_search/use_tool, /tools with the table and the pipeline order.
import { extendSetup, type LateTools, type SetupContext, type Tool } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createMcpSetup, type McpSetup, type McpSetupOptions } from "@lcc/s19";
import { deferBuiltIns } from "./deferred-built-ins.ts";
import { ROUTER_SECTION } from "./router-section.ts";
import { createToolRouter, type ToolRouter, type ToolRouterOptions } from "./tool-router.ts";
import { createToolsCommand, type LateToolsState } from "./tools-command.ts";

/**
 * The most bytes MCP tools may add to the request listed: with every built-in on, lcc's first request is about
 * 23.5 KB, so a larger catalogue (server-everything's 13 tools are ~6 KB) is found through tool_search — as
 * Claude Code defers MCP tools by default — and the first request stays within 25 KB.
 */
export const LISTED_MCP_BYTES_MAX = 1_536;

export interface RouterSetupOptions extends McpSetupOptions {
  /** Calls of one parallel run in flight at once (default 10, as Claude Code). */
  maxConcurrency?: number;
  /** Built-in tools to defer, each with the reason (default DEFERRED_BUILT_IN_TOOLS; `{}` lists every tool). */
  deferredBuiltIns?: Readonly<Record<string, string>>;
  /** Sources of tools a later layer adds (`{ glob: "full", grep: "full" }`), for /tools. */
  toolSources?: Readonly<Record<string, string>>;
}

export interface RouterSetup extends McpSetup {
  /** The session's router: its table (/tools), its dispatch, the deferred built-ins. */
  router: ToolRouter;
}

/**
 * s19's setup with every tool on one router: the named built-ins marked deferred (still registered and
 * callable; tool_search finds them, use_tool calls them), the parallel dispatch (a forwarded call judged by
 * its target), /tools, and the section that asks the model for independent reads in one response.
 */
export async function createRouterSetup(
  context: SetupContext,
  options: RouterSetupOptions = {},
): Promise<RouterSetup> {
  // s19's tool_search and use_tool reach the deferred built-ins too: one pair for every tool left unlisted.
  let deferred: readonly Tool[] = [];
  const base = await createMcpSetup(context, {
    ...options,
    toolBudgetBytes: options.toolBudgetBytes ?? LISTED_MCP_BYTES_MAX,
    deferredTools: () => [...deferred, ...(options.deferredTools?.() ?? [])],
  });
  const routerOptions: ToolRouterOptions = {
    ...(options.maxConcurrency === undefined ? {} : { maxConcurrency: options.maxConcurrency }),
    ...(options.deferredBuiltIns ? { deferred: options.deferredBuiltIns } : {}),
    sources: {
      mcpServers: () => base.mcp.servers().map((server) => server.name),
      ...(options.toolSources ? { extraSources: options.toolSources } : {}),
    },
  };
  const router = createToolRouter(routerOptions);
  const tools = deferBuiltIns(base.tools, router.deferred);
  deferred = tools.filter((tool) => tool.deferred);
  const late = trackLateTools(base.lateTools);
  const setup = extendSetup(
    { ...base, tools, ...late.setupPart },
    {
      systemSections: [ROUTER_SECTION],
      commands: [createToolsCommand(router, late.state)],
      dispatch: router.dispatch,
    },
  );
  return { ...setup, router };
}

/** The late tools (s19's MCP tools and the tool_search pair), each wrapped to report when all of them are in the registry. */
function trackLateTools(lateTools: readonly LateTools[] | undefined) {
  if (!lateTools?.length) return { state: (): LateToolsState => "none", setupPart: {} };
  let pending = lateTools.length;
  const wrapped = lateTools.map<LateTools>((late) => async (signal) => {
    const tools = await late(signal);
    pending -= 1;
    return tools;
  });
  return {
    state: (): LateToolsState => (pending > 0 ? "pending" : "loaded"),
    setupPart: { lateTools: wrapped },
  };
}

/** The s20 chapter: every earlier capability on one router (`pnpm --filter s20 start`, the demo, the scenario). */
export function createS20Chapter(options: RouterSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s20", title: "tool refactor" }, (context) =>
    createRouterSetup(context, options),
  );
}
