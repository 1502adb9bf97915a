// Claiming a task from s12's board: which tasks a teammate may take (pure), and the claim itself — one
// locked update whose guard checks the task again as it is inside the lock, so two agents never claim one.
import { ToolError } from "@lcc/s02";
import { openBlockers, type Task, type TaskStore } from "@lcc/s12";

/** Who claims: a teammate's name and role. */
export interface Claimant {
  name: string;
  role: string;
}

/** A claim the board refuses (taken, not pending, blocked, another role's): the message says why. */
export class ClaimRefused extends ToolError {
  override name = "ClaimRefused";
}

export type ClaimOutcome = { ok: true; task: Task } | { ok: false; reason: string };

/** A subject that starts with roles in brackets ("[tester] …", "[tester, reviewer] …") reserves the task for them. */
const ROLE_PREFIX = /^\s*\[([^\]]+)\]/;

/** The roles a task is reserved for (lower case), or undefined when any role may take it. Pure. */
export function rolesOfTask(task: Pick<Task, "subject">): string[] | undefined {
  const match = ROLE_PREFIX.exec(task.subject);
  if (!match?.[1]) return undefined;
  const roles = match[1]
    .split(/[,|]/)
    .map((role) => role.trim().toLowerCase())
    .filter(Boolean);
  return roles.length > 0 ? roles : undefined;
}

/**
 * Why `claimant` may not take `task` now, or undefined when it may: the task must be pending, have no
 * owner (or be assigned to the claimant already), have no open blocker, and name the claimant's role when
 * it names roles. Pure.
 */
export function claimRefusal(task: Task, tasks: readonly Task[], claimant: Claimant): string | undefined {
  const label = `Task #${task.id}`;
  if (task.owner && task.owner !== claimant.name)
    return `${label} is already taken by ${task.owner} (${task.status}).`;
  if (task.status !== "pending")
    return `${label} is ${task.status}${task.owner === claimant.name ? " and already yours" : ""}: only a pending task can be claimed.`;
  const open = openBlockers(task, tasks);
  if (open.length > 0)
    return `${label} waits for ${open.map((id) => `#${id}`).join(", ")} to be completed first.`;
  const roles = rolesOfTask(task);
  if (roles && !roles.includes(claimant.role.trim().toLowerCase()))
    return `${label} is for ${roles.join(" or ")}; your role is ${claimant.role}.`;
  return undefined;
}

/**
 * The tasks `claimant` may claim now: those the lead assigned to it first, then the free ones, each in id
 * order (the first is the one an idle teammate takes). Pure.
 */
export function claimableTasks(tasks: readonly Task[], claimant: Claimant): Task[] {
  const open = tasks.filter((task) => claimRefusal(task, tasks, claimant) === undefined);
  return [...open.filter((task) => task.owner === claimant.name), ...open.filter((task) => !task.owner)];
}

/**
 * Claims task `id` for `claimant`: owner set and status in_progress in one update under the board's lock,
 * whose guard runs claimRefusal on the task read inside the lock — the re-check that makes a claim lost to
 * another agent a refusal instead of an overwrite. Refusals resolve `{ ok: false }`; anything else
 * (a missing or corrupt task, the lock held too long) throws ToolError.
 */
export async function claimTask(store: TaskStore, id: number, claimant: Claimant): Promise<ClaimOutcome> {
  try {
    const outcome = await store.update(
      id,
      { owner: claimant.name, status: "in_progress" },
      (current, tasks) => {
        const refusal = claimRefusal(current, tasks, claimant);
        if (refusal) throw new ClaimRefused(refusal);
      },
    );
    return { ok: true, task: outcome.task };
  } catch (error) {
    if (error instanceof ClaimRefused) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * Lists the board and claims the first task `claimant` may take; a task another agent wins in the meantime
 * is passed over for the next. Resolves the claimed task, or undefined when none was left.
 */
export async function claimFirstTask(store: TaskStore, claimant: Claimant): Promise<Task | undefined> {
  const { tasks } = await store.list();
  for (const candidate of claimableTasks(tasks, claimant)) {
    const outcome = await claimTask(store, candidate.id, claimant);
    if (outcome.ok) return outcome.task;
  }
  return undefined;
}
