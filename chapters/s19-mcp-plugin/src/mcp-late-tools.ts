// The MCP tools of one conversation, decided when its first request needs them (s02's late tools): ask about
// pending workspace servers, wait at most startupWaitMs for the servers still connecting, then list the
// connected servers' tools, or defer them all behind tool_search when they take more than the tool budget.
import type { EmitEvent, LateTools, Tool } from "@lcc/s02";
import type { McpServerView } from "./hub/mcp-hub.ts";
import type { McpCatalogue } from "./mcp-catalogue.ts";
import type { ServerApprovals } from "./server-approvals.ts";
import { judgeToolBudget, type ToolBudget } from "./tool-budget.ts";
import { createToolSearchTools } from "./tools/tool-search.ts";

export interface McpLateToolsOptions {
  servers: () => McpServerView[];
  catalogue: McpCatalogue;
  approvals: ServerApprovals;
  /** Resolves when every started server is connected or failed, or after `waitMs`; never rejects. */
  settled: (waitMs: number) => Promise<void>;
  startupWaitMs: number;
  /** The context window (tokens) and the share of it MCP tool definitions may take. */
  contextTokens: number;
  toolBudgetShare: number;
  /** An absolute cap on the listed MCP tools' bytes (s20: the first request's size target). */
  toolBudgetBytes?: number;
  /** More tools tool_search finds and use_tool calls, read at each call (s20's deferred built-ins). */
  deferredTools?: () => readonly Tool[];
  emit: EmitEvent;
}

/** The most deferred names tool_search's description lists (the rest are found by searching). */
export const LISTED_DEFERRED_NAMES_MAX = 100;

/** Statuses whose server may still bring tools this conversation (connecting, failed then reconnected, asked later). */
const NOT_YET = new Set(["connecting", "failed", "pending-approval"]);

/** What one conversation gets: the tools for the registry, and why (the tests and /mcp read it). */
export interface McpToolChoice {
  tools: Tool[];
  budget: ToolBudget;
  deferred: boolean;
  /** Servers that were not connected when the list was made. */
  waiting: string[];
}

/**
 * The tools for the registry: the MCP tools listed, or all deferred (over budget); plus tool_search and
 * use_tool when anything is deferred (MCP tools, or `deferredTools`) or some server is not connected yet.
 * Pure over its inputs.
 */
export function chooseMcpTools(
  catalogue: McpCatalogue,
  servers: readonly McpServerView[],
  options: {
    contextTokens: number;
    toolBudgetShare: number;
    toolBudgetBytes?: number;
    deferredTools?: () => readonly Tool[];
  },
): McpToolChoice {
  const tools = catalogue.tools();
  const budget = judgeToolBudget(
    tools,
    options.contextTokens,
    options.toolBudgetShare,
    options.toolBudgetBytes,
  );
  const waiting = servers.filter((server) => NOT_YET.has(server.status));
  const names = waiting.map((server) => server.name);
  const others = options.deferredTools ?? (() => []);
  if (!budget.defer && waiting.length === 0 && others().length === 0)
    return { tools, budget, deferred: false, waiting: names };
  const listed = new Set(budget.defer ? [] : tools.map((tool) => tool.name));
  const search = createToolSearchTools({
    catalogue: () => [...others(), ...catalogue.tools().filter((tool) => !listed.has(tool.name))],
    describe: () => describeUnlisted([...others(), ...(budget.defer ? tools : [])], waiting),
  });
  const registered = budget.defer ? tools.map((tool) => ({ ...tool, deferred: true })) : tools;
  return { tools: [...registered, ...search], budget, deferred: budget.defer, waiting: names };
}

/** The part of tool_search's description that says what it can find. */
function describeUnlisted(deferred: readonly Tool[], waiting: readonly McpServerView[]): string {
  const lines: string[] = [];
  if (deferred.length > 0) {
    const shown = deferred.slice(0, LISTED_DEFERRED_NAMES_MAX).map((tool) => tool.name);
    const more = deferred.length - shown.length;
    lines.push(`Tools it finds: ${shown.join(", ")}${more > 0 ? `, and ${more} more` : ""}.`);
  }
  if (waiting.length > 0) {
    const states = waiting.map((server) => `${server.name} (${server.status.replace("-", " ")})`);
    lines.push(
      `MCP servers not connected when this conversation began: ${states.join(", ")}; their tools are found here once they are.`,
    );
  }
  return lines.join("\n");
}

/** Resolves when `promise` settles or `signal` aborts, whichever comes first. */
function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    void promise.then(done, done);
  });
}

/**
 * The late tools of a conversation. Never rejects: a failing step leaves what is connected. Interrupted
 * (the run's signal), it returns at once with what is there, so the loop can end the run.
 */
export function createMcpLateTools(options: McpLateToolsOptions): LateTools {
  return async (signal) => {
    await options.approvals.askPending(signal);
    await untilAborted(options.settled(options.startupWaitMs), signal);
    const choice = chooseMcpTools(options.catalogue, options.servers(), options);
    const notice = (text: string) => options.emit({ type: "notice", source: "mcp", text });
    if (choice.deferred)
      notice(
        `mcp: the MCP tools take ${choice.budget.bytes} bytes of every request, over the budget of ${choice.budget.budget} (${Math.round(options.toolBudgetShare * 1000) / 10}% of the context window): they are found through tool_search`,
      );
    const connecting = options.servers().filter((server) => server.status === "connecting");
    if (connecting.length > 0)
      notice(
        `mcp: still connecting after ${options.startupWaitMs / 1000} s: ${connecting.map((server) => server.name).join(", ")}; tool_search finds their tools once they are up`,
      );
    return choice.tools;
  };
}
