// What a teammate holds, kept honest: the roster's task line is cleared when it completes or gives back
// that task, and a teammate that stops while holding tasks gives them back to the board (pending, no owner).
import type { AgentHooks, EmitEvent } from "@lcc/s02";
import type { TaskStore } from "@lcc/s12";
import type { Team, Teammate } from "@lcc/s15";

/**
 * A postToolUse hook: after the teammate's own successful task_update that completes, deletes or gives
 * back task #id, the roster stops showing "#id …" as its task. A roster failure is reported, never thrown.
 */
export function createRosterTaskHook(team: Team, teammate: Teammate, emit: EmitEvent): AgentHooks {
  return {
    async postToolUse(call, result) {
      if (call.name !== "task_update" || result.isError) return result;
      const input = call.input as { id?: number; status?: string; owner?: string };
      const lets = input.status === "completed" || input.status === "deleted" || input.owner === "";
      if (!lets || input.id === undefined) return result;
      const member = await team.roster.get(teammate.name).catch(() => undefined);
      if (member?.task?.startsWith(`#${input.id} `))
        await team.roster
          .setState(teammate.name, teammate.current(), "")
          .catch((error: unknown) =>
            emit({ type: "notice", source: "team", level: "warn", text: `roster: ${String(error)}` }),
          );
      return result;
    },
  };
}

/**
 * Gives the tasks `name` still holds in progress back to the board (status pending, owner cleared), so a
 * teammate that stopped mid-task (shut down, aborted, timed out) does not keep them from everyone else.
 * Resolves the ids given back; a failure is reported, never thrown.
 */
export async function releaseHeldTasks(store: TaskStore, name: string, emit: EmitEvent): Promise<number[]> {
  const { tasks } = await store.list();
  const held = tasks.filter((task) => task.owner === name && task.status === "in_progress");
  const released: number[] = [];
  for (const task of held) {
    await store
      .update(task.id, { status: "pending", owner: "" }, (current) => {
        // Only if it is still its own: the lead may have reassigned it meanwhile.
        if (current.owner !== name || current.status !== "in_progress") throw new Error("changed meanwhile");
      })
      .then(
        () => released.push(task.id),
        (error: unknown) => {
          if (error instanceof Error && error.message === "changed meanwhile") return;
          emit({ type: "notice", source: "tasks", level: "warn", text: `#${task.id}: ${String(error)}` });
        },
      );
  }
  if (released.length > 0)
    emit({
      type: "notice",
      source: "tasks",
      text: `${name} stopped holding ${released.map((id) => `#${id}`).join(", ")}: back on the board for anyone to claim`,
    });
  return released;
}
