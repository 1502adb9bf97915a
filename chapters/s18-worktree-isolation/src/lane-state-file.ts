// `<lanes folder>/state.json`: what git does not know about a lane (its task, its base, kept or not,
// when it was made). Read without trusting it (a link, bad JSON or a wrong shape is reported with the
// path and left as it is); written atomically, by callers holding the lanes lock.
import { lstat } from "node:fs/promises";
import { join } from "node:path";
import { compareText, readConfigFile } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import { z } from "zod";
import { LANE_NAME_PATTERN } from "./lane-name.ts";

/** A lane's recorded state; `removed` lanes stay listed (their branch may still exist). */
export const LANE_STATES = ["active", "kept", "removed"] as const;
export type LaneState = (typeof LANE_STATES)[number];

const laneRecord = z.object({
  /** The bound task's id (s12), or null. */
  task: z.number().int().positive().nullable(),
  /** The base as asked for ("main", "HEAD~1", a sha); null for a lane adopted from git. */
  base: z.string().nullable(),
  /** The commit the lane started from; null for an adopted lane. */
  baseCommit: z
    .string()
    .regex(/^[0-9a-f]{40,64}$/)
    .nullable(),
  state: z.enum(LANE_STATES),
  createdAt: z.string(),
  removedAt: z.string().optional(),
});
export type LaneRecord = z.infer<typeof laneRecord>;

const stateFileSchema = z.object({
  version: z.literal(1),
  lanes: z.record(z.string().regex(LANE_NAME_PATTERN), laneRecord),
});

export type LaneRecords = Record<string, LaneRecord>;

/** What was read: the records, or (with no records) the problem naming the file. */
export interface StateRead {
  lanes: LaneRecords;
  problem?: string;
}

/** The state file in `folder`. */
export function stateFilePath(folder: string): string {
  return join(folder, "state.json");
}

/** Reads the state file; a missing file is no lanes. Never throws. */
export async function readLaneState(folder: string): Promise<StateRead> {
  const path = stateFilePath(folder);
  const left = "left as it is; lanes are listed from git alone until it is fixed or removed";
  if ((await lstat(path).catch(() => undefined))?.isSymbolicLink())
    return { lanes: {}, problem: `${path} is a symbolic link; ${left}` };
  const file = await readConfigFile(path);
  if (!file.ok)
    return file.skip.kind === "missing"
      ? { lanes: {} }
      : { lanes: {}, problem: `${path} is ${file.reason}; ${left}` };
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return { lanes: {}, problem: `${path} is not JSON (${(error as Error).message}); ${left}` };
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success)
    return {
      lanes: {},
      problem: `${path} is not a lane state file (${z.prettifyError(parsed.error).replaceAll("\n", " ")}); ${left}`,
    };
  return { lanes: parsed.data.lanes };
}

/** Replaces the state file atomically (0600). The caller holds the lanes lock and has read it cleanly. */
export async function writeLaneState(folder: string, lanes: LaneRecords): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(lanes).sort(([a], [b]) => compareText(a, b)));
  await writeFileAtomic(
    stateFilePath(folder),
    `${JSON.stringify({ version: 1, lanes: sorted }, null, 2)}\n`,
    {
      mode: 0o600,
    },
  );
}
