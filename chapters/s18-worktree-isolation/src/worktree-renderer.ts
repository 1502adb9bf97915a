// How the worktree tools' results look in the terminal: one line from each result's typed details
// ("  ⎿ lane docs · wt/docs from main · task #1 in progress"). worktree_run keeps the default rendering
// (its output, as bash's); a refused call keeps the default error line.
import type { EventRenderer } from "@lcc/s02";
import type { WorktreeCreateDetails } from "./tools/worktree-create.ts";
import type { WorktreeEventsDetails } from "./tools/worktree-events.ts";
import type { WorktreeKeepDetails } from "./tools/worktree-keep.ts";
import type { WorktreeListDetails } from "./tools/worktree-list.ts";
import type { WorktreeRemoveDetails } from "./tools/worktree-remove.ts";
import type { WorktreeStatusDetails } from "./tools/worktree-status.ts";

/** The chapter renderer (lcc uses it too). Reads `details`, never the text the model got. */
export const renderWorktreeEvents: EventRenderer = (event) => {
  if (event.type !== "tool_end" || event.isError || event.details === undefined) return undefined;
  const line = describeResult(event.name, event.details);
  return line === undefined ? undefined : [`  ⎿ ${line}`];
};

function describeResult(tool: string, details: unknown): string | undefined {
  switch (tool) {
    case "worktree_create": {
      const { lane } = details as WorktreeCreateDetails;
      const task = lane.task === null ? "" : ` · task #${lane.task} in progress`;
      return `lane ${lane.name} · ${lane.branch} from ${lane.base}${task}`;
    }
    case "worktree_list": {
      const { lanes, problems } = details as WorktreeListDetails;
      const count = (state: string) => lanes.filter((lane) => lane.state === state).length;
      const dirty = lanes.filter((lane) => lane.dirty).length;
      const parts = [`${count("active")} active`, `${count("kept")} kept`, `${count("removed")} removed`];
      if (dirty > 0) parts.push(`${dirty} dirty`);
      if (problems.length > 0) parts.push(`${problems.length} problem${problems.length === 1 ? "" : "s"}`);
      return `${lanes.length} lane${lanes.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
    }
    case "worktree_status": {
      const { lane, status } = details as WorktreeStatusDetails;
      const changes = status.split("\n").filter((line) => line !== "" && !line.startsWith("##")).length;
      return `lane ${lane.name} · ${lane.state} · ${changes === 0 ? "clean" : `${changes} changed`}`;
    }
    case "worktree_keep":
      return `lane ${(details as WorktreeKeepDetails).lane.name} kept`;
    case "worktree_remove": {
      const outcome = details as WorktreeRemoveDetails;
      const task = outcome.taskCompleted === null ? "" : ` · task #${outcome.taskCompleted} completed`;
      const branch = `branch ${outcome.branch} ${outcome.branchDeleted ? "deleted" : "kept"}`;
      return `lane ${outcome.name} removed · ${branch}${task}`;
    }
    case "worktree_events": {
      const { events } = details as WorktreeEventsDetails;
      return `${events.length} lane event${events.length === 1 ? "" : "s"}`;
    }
    default:
      return undefined;
  }
}
