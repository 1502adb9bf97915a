// Built-in tools left out of the request: registered and callable, found through tool_search and called
// through use_tool. Every request resends the tools' definitions, so a tool most sessions never call should
// not cost its bytes on every turn. One constant names them, each with the reason.
import type { Tool } from "@lcc/s02";

/**
 * The deferred built-ins and why (the request bytes each saves are measured in deferred-built-ins.test.ts).
 * What stays listed is what a coding session uses all the time: bash, the file tools, todo_write, agent,
 * load_skill, compact, memory_save, the task tools and background_run/background_check (bash hands a long
 * command to the background, and the model checks on it).
 */
export const DEFERRED_BUILT_IN_TOOLS: Readonly<Record<string, string>> = {
  memory_forget: "forgetting is asked for by the user; memory_save stays listed",
  background_kill: "background_check reports on commands; stopping one is rarer",
  cron_create: "scheduling is asked for by the user, a few times a project at most",
  cron_list: "only after something was scheduled",
  cron_delete: "only after something was scheduled",
  spawn_teammate: "a team is started on purpose, rarely more than once a session",
  list_teammates: "only once a team exists (the lead's inbox reports teammates by itself)",
  send_message: "only once a team exists",
  read_inbox: "only once a team exists; new messages arrive by themselves",
  broadcast: "only once a team exists",
  shutdown_request: "a step of a running team's protocol",
  plan_review: "a step of a running team's protocol",
  list_requests: "a step of a running team's protocol",
  worktree_create: "lanes are for parallel work on separate branches; most sessions never open one",
  worktree_list: "only once a lane exists",
  worktree_status: "only once a lane exists",
  worktree_run: "only once a lane exists",
  worktree_keep: "only once a lane exists",
  worktree_remove: "only once a lane exists",
  worktree_events: "only once a lane exists",
};

/**
 * `tools` with every tool named in `deferred` marked `deferred: true` (a copy of the tool object; the others are
 * the same objects), in the same order. Names that match no tool are ignored (a setup without a team has no
 * team tools). Pure.
 */
export function deferBuiltIns(tools: readonly Tool[], deferred: Readonly<Record<string, string>>): Tool[] {
  return tools.map((tool) => (Object.hasOwn(deferred, tool.name) ? { ...tool, deferred: true } : tool));
}

/** tool_search's extra description line: the names that can be found (so the model knows they exist). */
export function describeDeferredNames(tools: readonly Tool[]): string {
  const names = tools.filter((tool) => tool.deferred).map((tool) => tool.name);
  return names.length === 0 ? "" : `Not listed, found with tool_search: ${names.join(", ")}.`;
}
