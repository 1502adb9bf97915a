// The s19 chapter (MCP) on s18's setup: the session's MCP servers (one hub, kept across /clear, closed with the
// session), their tools as mcp__<server>__<tool> joining the first request (s02's late tools), /mcp, the renderer.
import { homedir } from "node:os";
import { DEFAULT_CONTEXT_WINDOW, extendSetup, type SetupContext, type Tool } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createWorktreeSetup, type WorktreeSetup, type WorktreeSetupOptions } from "@lcc/s18";
import { loadMcpConfig } from "./config/mcp-config.ts";
import type { ConfiguredServer } from "./config/server-config.ts";
import { toMcpServerEvent } from "./hub/mcp-events.ts";
import { createMcpHub, type McpHub } from "./hub/mcp-hub.ts";
import { createMcpCatalogue } from "./mcp-catalogue.ts";
import { createMcpCommand } from "./mcp-command.ts";
import { createMcpLateTools } from "./mcp-late-tools.ts";
import { renderMcpEvents } from "./mcp-renderer.ts";
import { MCP_SECTION } from "./mcp-section.ts";
import { createServerApprovals, type ServerApprovals } from "./server-approvals.ts";
import { DEFAULT_TOOL_BUDGET_SHARE } from "./tool-budget.ts";

/** How long the first request waits for servers still connecting (then tool_search finds them later). */
export const DEFAULT_STARTUP_WAIT_MS = 10_000;

export interface McpSetupOptions extends WorktreeSetupOptions {
  /** `--mcp-config` values: file paths (relative to the workspace) or inline JSON. */
  mcpConfig?: string[];
  /** `--strict-mcp-config`: only the `mcpConfig` servers; .mcp.json, ~/.claude.json and plugins are ignored. */
  strictMcpConfig?: boolean;
  /** The servers as given, instead of reading the config files (tests, lcc's demo). */
  servers?: ConfiguredServer[];
  /** How long the first request waits for servers still connecting (default 10 s). */
  startupWaitMs?: number;
  /** The share of the context window MCP tool definitions may take before they are deferred (default 0.10). */
  toolBudgetShare?: number;
  /** An absolute cap on the listed MCP tools' request bytes (default none; s20 sets one). */
  toolBudgetBytes?: number;
  /** Longest one MCP tool call may run (default: the hub's). */
  toolTimeoutMs?: number;
  /** Longest a server may take to connect (default: the hub's, MCP_TIMEOUT or 30 s). */
  connectTimeoutMs?: number;
  /**
   * More tools tool_search finds and use_tool calls, read at each call (s20 defers rarely used built-ins here).
   * Given, tool_search and use_tool are listed whenever it returns any, servers or not.
   */
  deferredTools?: () => readonly Tool[];
}

export interface McpSetup extends WorktreeSetup {
  /** This session's MCP servers (lcc's /mcp, the start line and the tests read it). */
  mcp: McpHub;
}

/** What the session keeps across /clear: the hub, its catalogue and the approvals asked. */
interface McpRuntime {
  hub: McpHub;
  approvals: ServerApprovals;
  catalogue: ReturnType<typeof createMcpCatalogue>;
  servers: readonly ConfiguredServer[];
}

async function startMcp(context: SetupContext, options: McpSetupOptions): Promise<McpRuntime> {
  const home = options.home ?? context.env?.HOME ?? homedir();
  const notice = (text: string) => context.emit({ type: "notice", source: "mcp", level: "warn", text });
  let servers: ConfiguredServer[];
  if (options.servers) servers = [...options.servers];
  else {
    const loaded = await loadMcpConfig({
      workspace: context.workspace,
      home,
      env: context.env ?? {},
      ...(options.mcpConfig ? { mcpConfig: options.mcpConfig } : {}),
      ...(options.strictMcpConfig ? { strict: true } : {}),
    });
    for (const problem of loaded.problems) notice(`mcp: ${problem}`);
    servers = loaded.servers;
  }
  const hub = createMcpHub({
    servers,
    workspace: context.workspace,
    // MCP_TIMEOUT and MCP_TOOL_TIMEOUT from the session's environment, like every other setting.
    ...(context.env ? { env: context.env } : {}),
    ...(options.toolTimeoutMs === undefined ? {} : { toolTimeoutMs: options.toolTimeoutMs }),
    ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
  });
  context.session?.onClose(() => hub.close());
  // One event per visible change: the hub also reports changes an event does not carry (restart timers).
  const said = new Map<string, string>();
  hub.onChange((view) => {
    const event = toMcpServerEvent(view);
    const key = JSON.stringify(event);
    if (said.get(view.name) === key) return;
    said.set(view.name, key);
    context.emit(event);
  });
  const approvals = createServerApprovals({
    hub,
    servers,
    home,
    workspace: context.workspace,
    ask: context.ask,
    emit: context.emit,
  });
  await approvals.startTrusted();
  return { hub, approvals, catalogue: createMcpCatalogue(hub, context.emit), servers };
}

/**
 * s18's setup plus MCP. The servers are read once per session (`.mcp.json`, `~/.claude.json`, plugins,
 * `--mcp-config`); those that need no approval start now, not awaited, so the prompt is never delayed.
 * The first request of each conversation asks about a workspace's new servers (once each), waits at most
 * `startupWaitMs` for servers still connecting, then lists the connected servers' tools (or defers them
 * behind tool_search over the budget). Tools of later servers are reached through tool_search and use_tool.
 * Built outside a session (no `context.session`), the setup's hub is the caller's to close (`mcp.close()`).
 */
export async function createMcpSetup(
  context: SetupContext,
  options: McpSetupOptions = {},
): Promise<McpSetup> {
  const setup = await createWorktreeSetup(context, options);
  const runtime = await (context.session
    ? context.session.keep("s19:mcp", () => startMcp(context, options))
    : startMcp(context, options));
  const { hub, catalogue, approvals } = runtime;
  const hasServers = runtime.servers.length > 0;
  const extended = extendSetup(setup, {
    systemSections: hasServers ? [MCP_SECTION] : [],
    ...(hasServers || options.deferredTools
      ? {
          lateTools: [
            createMcpLateTools({
              servers: () => hub.servers(),
              catalogue,
              approvals,
              settled: (waitMs) => hub.settled(waitMs),
              startupWaitMs: options.startupWaitMs ?? DEFAULT_STARTUP_WAIT_MS,
              contextTokens: setup.contextWindow?.tokens ?? DEFAULT_CONTEXT_WINDOW,
              toolBudgetShare: options.toolBudgetShare ?? DEFAULT_TOOL_BUDGET_SHARE,
              ...(options.toolBudgetBytes === undefined ? {} : { toolBudgetBytes: options.toolBudgetBytes }),
              ...(options.deferredTools ? { deferredTools: options.deferredTools } : {}),
              emit: context.emit,
            }),
          ],
        }
      : {}),
    commands: [createMcpCommand(hub, approvals, context.workspace)],
    renderers: [renderMcpEvents],
  });
  return { ...extended, mcp: hub };
}

/** The s19 chapter: s18's agent with MCP servers (`pnpm --filter s19 start`, the demo, the scenario test). */
export function createS19Chapter(options: McpSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s19", title: "MCP plugin" }, (context) =>
    createMcpSetup(context, options),
  );
}
