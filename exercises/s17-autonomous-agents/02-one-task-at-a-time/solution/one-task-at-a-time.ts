// SOLUTION (s17 02): a teammate holds one task at a time — its claim_task is denied while it has a task in
// progress, by a PreToolUse hook shaped like chapters/s17-autonomous-agents/src/task-ownership.ts.
import type { AgentHooks } from "@lcc/s02";
import type { Task, TaskStore } from "@lcc/s12";

/**
 * Why teammate `name` may not claim another task now — it holds one in progress already — or undefined when
 * it may. The message names the task it holds and what to do first. Pure.
 */
export function heldTaskRefusal(tasks: readonly Task[], name: string): string | undefined {
  const held = tasks.find((task) => task.owner === name && task.status === "in_progress");
  if (!held) return undefined;
  return (
    `You already hold #${held.id} (${held.subject}): one task at a time. Complete it with ` +
    `task_update {"id": ${held.id}, "status": "completed"}, or give it back (status pending, owner ""), ` +
    "then claim the next one."
  );
}

/**
 * A PreToolUse hook for teammate `name`: its claim_task is denied with heldTaskRefusal's reason. The board is
 * read without the lock: what a teammate holds changes only through its own calls (or the lead), so no other
 * teammate can make the answer stale.
 */
export function createOneTaskHook(name: string, tasks: () => TaskStore): AgentHooks {
  return {
    async preToolUse(call) {
      if (call.name !== "claim_task") return undefined;
      const refusal = heldTaskRefusal((await tasks().list()).tasks, name);
      return refusal ? { kind: "deny", reason: refusal, source: "one task at a time" } : undefined;
    },
  };
}
