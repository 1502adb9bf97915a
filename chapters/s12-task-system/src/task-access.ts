// The PreToolUse phase for tasks: the task tools read and write only the agent's own task folder, so they
// run without a question (s07 knows only the tools that existed when it was set up, so s12 says it here).
// A deny rule still wins: s07 decides after this hook.
import type { AgentHooks } from "@lcc/s02";

const TASK_TOOLS = new Set(["task_create", "task_update", "task_list", "task_get"]);

/** The preToolUse hook allowing the four task tools; no opinion on anything else. Never throws. */
export const taskAccess: AgentHooks = {
  async preToolUse(call) {
    if (!TASK_TOOLS.has(call.name)) return undefined;
    return { kind: "allow", reason: "task tools touch only the task folder", source: "tasks" };
  },
};
