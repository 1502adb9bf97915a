// The `worktrees` system section: tasks are the control plane, lanes the execution plane — when to make a
// lane, how to work in it, how to finish it.
import type { SystemSection } from "@lcc/s02";

export const WORKTREE_SECTION: SystemSection = {
  name: "worktrees",
  text: [
    "Worktree lanes: tasks (task_*) say what is to be done and by whom; lanes are where it is done. For work",
    "that must not disturb the main checkout or another agent (parallel tasks, risky or long changes), make one",
    "lane per task with worktree_create {name, task_id}: a git worktree on branch wt/<name>, the task in progress.",
    "Edit files under the folder it names with the file tools, run commands there with worktree_run (bash runs in",
    "the main checkout), and commit inside the lane. When the task is done: worktree_remove {name,",
    "complete_task: true}; it refuses uncommitted work (commit it, or force only to throw it away) and keeps a",
    "branch with unmerged commits. worktree_keep leaves a lane for the user to review.",
  ].join("\n"),
};
