// EXERCISE (s17 02): a teammate holds one task at a time. Write the rule (heldTaskRefusal) and a PreToolUse
// hook that denies claim_task with it, as chapters/s17-autonomous-agents/src/task-ownership.ts does for task_update.
import type { AgentHooks } from "@lcc/s02";
import type { Task, TaskStore } from "@lcc/s12";

/**
 * Why teammate `name` may not claim another task now — it holds one in progress already — or undefined when
 * it may. The message names the task it holds and what to do first. Pure.
 */
export function heldTaskRefusal(tasks: readonly Task[], name: string): string | undefined {
  void tasks;
  void name;
  return undefined;
}

/** A PreToolUse hook for teammate `name`: its claim_task is denied with heldTaskRefusal's reason. */
export function createOneTaskHook(name: string, tasks: () => TaskStore): AgentHooks {
  void name;
  void tasks;
  return {};
}
