// The system sections of lanes: `worktrees` (tasks are the control plane, lanes the execution plane — when to
// make a lane, how to work in it, how to finish it), the lead's `worktree-team` and every teammate's part.
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

/** The lead's part when it has a team: a lane per teammate, and the order of finishing. */
export const WORKTREE_TEAM_SECTION: SystemSection = {
  name: "worktree-team",
  text: [
    "Lanes and teammates: to give a teammate its own checkout, make the lane first, then spawn_teammate {...,",
    "worktree: <lane>}; its file tools work only inside the lane and its bash runs there, so teammates in",
    "different lanes never touch each other's files. One teammate per lane. It commits in its lane; when it has",
    "reported, shut it down (shutdown_request), then worktree_remove the lane (a lane a teammate works in is",
    "refused). Its branch wt/<lane> keeps the commits for you to merge.",
  ].join("\n"),
};

/** What every teammate is told about lanes (its own workspace may be one). */
export const TEAMMATE_LANE_SECTION = [
  "# Worktree lanes",
  "If your workspace is a lane (a folder under .lcc/worktrees/, on branch wt/<lane>), it is your own git",
  "worktree: your file tools work only inside it and bash runs in it. Commit your work there",
  "(git add -A && git commit -m …) before you report; the lead merges the branch and removes the lane.",
].join("\n");
