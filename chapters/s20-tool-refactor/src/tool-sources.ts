// Where each tool of a setup comes from: the chapter that taught a built-in tool, `mcp:<server>` for a tool an
// MCP server offers, `agent` for the tool that starts a subagent. The router's table shows it; nothing routes by it.
import { sanitizeNamePart } from "@lcc/s19";

/** The origin of one tool. */
export type ToolSource =
  | { kind: "built-in"; chapter: string }
  | { kind: "mcp"; server: string }
  | { kind: "agent"; chapter: string }
  /** Added by a layer the router does not know (and that did not name itself through `extraSources`). */
  | { kind: "setup" };

/** The chapter that taught each built-in tool the lead's setup holds (s01–s19). */
export const BUILT_IN_TOOL_CHAPTERS: Readonly<Record<string, string>> = {
  bash: "s01",
  read_file: "s02",
  write_file: "s02",
  edit_file: "s02",
  todo_write: "s03",
  agent: "s04",
  load_skill: "s05",
  compact: "s06",
  memory_save: "s09",
  memory_forget: "s09",
  task_create: "s12",
  task_update: "s12",
  task_list: "s12",
  task_get: "s12",
  background_run: "s13",
  background_check: "s13",
  background_kill: "s13",
  cron_create: "s14",
  cron_list: "s14",
  cron_delete: "s14",
  spawn_teammate: "s15",
  list_teammates: "s15",
  send_message: "s15",
  read_inbox: "s15",
  broadcast: "s15",
  shutdown_request: "s16",
  plan_review: "s16",
  list_requests: "s16",
  worktree_create: "s18",
  worktree_list: "s18",
  worktree_status: "s18",
  worktree_run: "s18",
  worktree_keep: "s18",
  worktree_remove: "s18",
  worktree_events: "s18",
  tool_search: "s19",
  use_tool: "s19",
};

/** Tools that run a whole agent loop of their own (s04's subagent). */
export const AGENT_TOOLS: ReadonlySet<string> = new Set(["agent"]);

export interface SourceLookup {
  /** The MCP servers' names as configured (a tool named `mcp__<server>__…` belongs to the longest match). */
  mcpServers?: () => readonly string[];
  /** Sources of tools a later layer adds, by tool name (`{ glob: "full" }`), shown like a chapter's. */
  extraSources?: Readonly<Record<string, string>>;
}

/** Where `name` comes from. Pure given the lookup; never throws. */
export function toolSourceOf(name: string, lookup: SourceLookup = {}): ToolSource {
  const chapter = BUILT_IN_TOOL_CHAPTERS[name] ?? lookup.extraSources?.[name];
  if (chapter) return AGENT_TOOLS.has(name) ? { kind: "agent", chapter } : { kind: "built-in", chapter };
  if (name.startsWith("mcp__")) {
    const servers = [...(lookup.mcpServers?.() ?? [])].sort((a, b) => b.length - a.length);
    const server = servers.find((candidate) => name.startsWith(`mcp__${sanitizeNamePart(candidate)}__`));
    return { kind: "mcp", server: server ?? name.slice(5).split("__")[0] ?? "" };
  }
  return { kind: "setup" };
}

/** "s02", "mcp:everything", "agent (s04)", "setup". */
export function sourceLabel(source: ToolSource): string {
  if (source.kind === "built-in") return source.chapter;
  if (source.kind === "mcp") return `mcp:${source.server}`;
  if (source.kind === "agent") return `agent (${source.chapter})`;
  return "setup";
}
