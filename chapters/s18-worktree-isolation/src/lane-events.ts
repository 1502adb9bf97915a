// `<lanes folder>/events.jsonl`: one JSON line per lane event, only ever appended (O_APPEND, never through
// a symbolic link) by a caller holding the lanes lock, never rewritten. Reading skips a torn last line.
import { constants } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { join } from "node:path";

/** What happened to a lane. `adopt`/`lost`: a restart found a lane git knows but state.json did not, or the reverse. */
export const LANE_EVENT_TYPES = [
  "create",
  "keep",
  "remove",
  "run_start",
  "run_end",
  "adopt",
  "lost",
] as const;
export type LaneEventType = (typeof LANE_EVENT_TYPES)[number];

/** One line of events.jsonl. */
export interface LaneEvent {
  /** ISO time. */
  time: string;
  type: LaneEventType;
  /** The lane's name. */
  name: string;
  /** What a person reading the log wants to know (task, base, command, exit code, branch kept…). */
  detail: Record<string, unknown>;
}

/** The events file in `folder`. */
export function eventsFilePath(folder: string): string {
  return join(folder, "events.jsonl");
}

/**
 * Appends `event` as one line with a single write to a file opened O_APPEND|O_NOFOLLOW (0600 when new),
 * so a line is never interleaved with another writer's. Throws when the file cannot be written (a link).
 */
export async function appendLaneEvent(folder: string, event: LaneEvent): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
  const file = await open(eventsFilePath(folder), flags, 0o600);
  try {
    await file.write(`${JSON.stringify(event)}\n`);
  } finally {
    await file.close();
  }
}

/**
 * The newest `limit` events, oldest first. Lines that are not a whole event (a torn last line from a
 * writer that was killed) are skipped; a missing file is no events. Never throws.
 */
export async function readLaneEvents(folder: string, limit: number): Promise<LaneEvent[]> {
  let text: string;
  try {
    const file = await open(eventsFilePath(folder), constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      text = await readFile(file, "utf8");
    } finally {
      await file.close();
    }
  } catch {
    return [];
  }
  const events: LaneEvent[] = [];
  for (const line of text.split("\n")) {
    const event = parseEvent(line);
    if (event) events.push(event);
  }
  return limit > 0 ? events.slice(-limit) : [];
}

function parseEvent(line: string): LaneEvent | undefined {
  if (line.trim() === "") return undefined;
  try {
    const value = JSON.parse(line) as Partial<LaneEvent> | null;
    if (typeof value?.time !== "string" || typeof value.name !== "string") return undefined;
    if (!LANE_EVENT_TYPES.includes(value.type as LaneEventType)) return undefined;
    return {
      time: value.time,
      type: value.type as LaneEventType,
      name: value.name,
      detail: value.detail ?? {},
    };
  } catch {
    return undefined;
  }
}
