// `worktree_create`: a lane for one piece of work — a real git worktree on branch wt/<name>, the task
// bound to it; the result names the folder the file tools and worktree_run work in.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import { displayLanePath } from "../describe-lanes.ts";
import { BASE_REF_MAX_CHARS, laneBranch } from "../lane-name.ts";
import type { Lane, WorktreeManager } from "../worktree-manager.ts";
import { laneNameInput, withGitAdvice } from "./lane-input.ts";

export const worktreeCreateInput = z.object({
  name: laneNameInput,
  task_id: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("The task (task_create's id) this lane is for: it moves to in_progress, owned by the lane."),
  base_ref: z
    .string()
    .min(1)
    .max(BASE_REF_MAX_CHARS)
    .optional()
    .describe("What the lane starts from: a branch, tag or commit (default: the current HEAD)."),
});

/** What the UI, logs and tests read about a created lane. */
export interface WorktreeCreateDetails {
  lane: Lane;
}

export function createWorktreeCreateTool(manager: WorktreeManager) {
  return defineTool({
    name: "worktree_create",
    description:
      "Create a lane: a git worktree of this repository in its own folder, on a new branch wt/<name>, so its " +
      "work never touches the main checkout or another lane. One lane per task: give task_id and the task " +
      "moves to in_progress, owned by the lane. The result names the lane's folder: edit files there with the " +
      "file tools, run commands there with worktree_run, commit there. Refused, nothing changed: a name in use " +
      "by a live lane (worktree_list shows them), a task that is completed or owned by someone else, a base_ref " +
      "that names no commit, a workspace that is not a git repository with a first commit.",
    input: worktreeCreateInput,
    // Lanes are the lead's to make and remove: subagents and teammates work in them, never manage them.
    parentOnly: true,
    summarizeInput: (input) => {
      const { name, task_id: task } = input as { name?: string; task_id?: number };
      return `${name ?? ""}${task === undefined ? "" : ` (task #${task})`}`;
    },
    async run(input) {
      const branch = laneBranch(input.name);
      const lane = await withGitAdvice(
        () =>
          manager.create({
            name: input.name,
            ...(input.task_id === undefined ? {} : { taskId: input.task_id }),
            ...(input.base_ref === undefined ? {} : { baseRef: input.base_ref }),
          }),
        (error) =>
          /already exists/.test(error.stderr)
            ? `No lane was created: branch ${branch} is left from an earlier lane ${input.name} (it held commits its base did not). Choose another name, or merge or delete that branch first.`
            : "No lane was created. Fix what git says (base_ref, the repository), or choose another name.",
      );
      const details: WorktreeCreateDetails = { lane };
      return { content: describeCreated(lane, manager.workspace), details };
    },
  });
}

/** The result text: where the lane is, its task, and the next moves. Pure. */
export function describeCreated(lane: Lane, workspace: string): string {
  const folder = displayLanePath(lane.path, workspace);
  const call = (tool: string, extra: string) => `${tool} {"name":${JSON.stringify(lane.name)}${extra}}`;
  return [
    `Created lane ${lane.name}: branch ${lane.branch} from ${lane.base}, folder ${folder}.`,
    ...(lane.task === null ? [] : [`Task #${lane.task} is in progress, owned by ${lane.name}.`]),
    `Edit its files under ${folder}/ with the file tools, run commands in it with ${call("worktree_run", ',"command":…')}, and commit there.`,
    `When the work is done: ${call("worktree_remove", lane.task === null ? "" : ',"complete_task":true')}.`,
  ].join("\n");
}
