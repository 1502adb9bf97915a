// Who may change a task: a teammate changes only the tasks it owns (complete, release, edit), takes one only
// through claim_task (under the lock), and never assigns one to someone else; the lead is not limited.
import type { AgentHooks } from "@lcc/s02";
import type { Task, TaskChanges, TaskStore } from "@lcc/s12";

/** Why teammate `name` may not make `changes` to `task`, or undefined. Pure. */
export function ownershipRefusal(task: Task, changes: TaskChanges, name: string): string | undefined {
  const label = `Task #${task.id}`;
  if (task.owner && task.owner !== name)
    return `${label} belongs to ${task.owner}: only its owner (or the lead) changes it. Send ${task.owner} a message if it matters.`;
  if (changes.owner !== undefined && changes.owner !== "" && changes.owner !== name)
    return "Only the lead assigns tasks to others; claim_task claims one for yourself.";
  const takes = changes.owner === name || (changes.status !== undefined && changes.status !== "pending");
  if (!task.owner && takes)
    return `${label} has no owner: claim it first with claim_task {"id": ${task.id}} (a claim is made under the board's lock, so two agents never take one task).`;
  return undefined;
}

/**
 * A PreToolUse hook for one teammate's task_update: denied with ownershipRefusal's reason. The task is
 * read without the lock; its owner changes only through a claim (from no owner) or the lead, so a refusal
 * cannot be made stale by another teammate.
 */
export function createTaskOwnershipHook(name: string, tasks: () => TaskStore): AgentHooks {
  return {
    async preToolUse(call) {
      if (call.name !== "task_update") return undefined;
      const { id, ...changes } = call.input as { id?: unknown } & TaskChanges;
      if (typeof id !== "number") return undefined;
      const task = (await tasks().list()).tasks.find((entry) => entry.id === id);
      // A task that does not exist is for task_update itself to explain.
      const refusal = task && ownershipRefusal(task, changes, name);
      return refusal ? { kind: "deny", reason: refusal, source: "task ownership" } : undefined;
    },
  };
}
