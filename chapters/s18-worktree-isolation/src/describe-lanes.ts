// How lanes and lane events read as text: one line each, the same for the model (worktree_list,
// worktree_status, worktree_events) and the user (/worktrees). Pure.
import { isAbsolute, relative } from "node:path";
import type { LaneEvent } from "./lane-events.ts";
import type { Lane } from "./worktree-manager.ts";

/** Longest command shown in an event line. */
const SHOWN_COMMAND_CHARS = 80;

/** `path` relative to `workspace` when inside it (what the file tools take), else as it is. */
export function displayLanePath(path: string, workspace: string): string {
  const below = relative(workspace, path);
  return below === "" || below.startsWith("..") || isAbsolute(below) ? path : below;
}

/**
 * "docs · active · wt/docs · task #1 · dirty · 1 ahead, 0 behind main · .lcc/worktrees/docs".
 * A removed lane stops after its task: it has no folder any more.
 */
export function describeLane(lane: Lane, workspace: string): string {
  const parts = [lane.name, lane.state, lane.branch, lane.task === null ? "no task" : `task #${lane.task}`];
  if (lane.state === "removed") return parts.join(" · ");
  if (lane.dirty !== undefined) parts.push(lane.dirty ? "dirty" : "clean");
  if (lane.base === null) parts.push("base unknown (adopted)");
  else if (lane.ahead !== undefined)
    parts.push(`${lane.ahead} ahead, ${lane.behind ?? 0} behind ${lane.base}`);
  else parts.push(`from ${lane.base}`);
  parts.push(displayLanePath(lane.path, workspace));
  return parts.join(" · ");
}

/**
 * Every lane, one line each: live lanes first, then removed ones (their branches may remain), then the
 * problems (a state.json that could not be used). `empty` is the text when there is nothing at all.
 */
export function describeLanes(
  lanes: readonly Lane[],
  problems: readonly string[],
  workspace: string,
  empty = "No lanes yet.",
): string {
  const live = lanes.filter((lane) => lane.state !== "removed");
  const removed = lanes.filter((lane) => lane.state === "removed");
  const lines = [
    ...live.map((lane) => describeLane(lane, workspace)),
    ...removed.map((lane) => describeLane(lane, workspace)),
    ...problems.map((problem) => `Problem: ${problem}`),
  ];
  return lines.length === 0 ? empty : lines.join("\n");
}

/** "2026-01-05T09:00:01Z run_end runner · exit 0 · 0.3 s · $ npm test". */
export function describeLaneEvent(event: LaneEvent): string {
  const time = event.time.replace(/\.\d+Z$/, "Z");
  const detail = describeDetail(event);
  return `${time} ${event.type} ${event.name}${detail ? ` · ${detail}` : ""}`;
}

/** The last `events` one line each, oldest first; `empty` when there are none. */
export function describeLaneEvents(events: readonly LaneEvent[], empty = "No lane events yet."): string {
  return events.length === 0 ? empty : events.map(describeLaneEvent).join("\n");
}

function describeDetail({ type, detail }: LaneEvent): string {
  const number = (key: string) => (typeof detail[key] === "number" ? (detail[key] as number) : undefined);
  const text = (key: string) => (typeof detail[key] === "string" ? (detail[key] as string) : undefined);
  const parts: Array<string | false | undefined> = [];
  if (type === "create") {
    const task = number("task");
    const base = text("base");
    parts.push(task !== undefined && `task #${task}`, base && `from ${base}`);
  } else if (type === "remove") {
    const dropped = number("changesDropped") ?? 0;
    const task = number("taskCompleted");
    parts.push(
      detail.force === true && "forced",
      dropped > 0 && `${dropped} changes dropped`,
      detail.branchDeleted === true ? "branch deleted" : "branch kept",
      task !== undefined && `task #${task} completed`,
    );
  } else if (type === "run_start") {
    parts.push(shownCommand(text("command")));
  } else if (type === "run_end") {
    const exit = number("exitCode");
    const duration = number("durationMs");
    parts.push(
      detail.aborted === true
        ? "interrupted"
        : detail.timedOut === true
          ? "timed out"
          : exit === undefined
            ? "killed"
            : `exit ${exit}`,
      duration !== undefined && `${(duration / 1000).toFixed(1)} s`,
      shownCommand(text("command")),
    );
  } else parts.push(text("reason"));
  return parts.filter((part): part is string => typeof part === "string" && part !== "").join(" · ");
}

function shownCommand(command: string | undefined): string | undefined {
  if (command === undefined) return undefined;
  const line = command.replace(/\s+/g, " ").trim();
  return `$ ${line.length > SHOWN_COMMAND_CHARS ? `${line.slice(0, SHOWN_COMMAND_CHARS - 1)}…` : line}`;
}
