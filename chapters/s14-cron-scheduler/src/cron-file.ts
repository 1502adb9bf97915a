// Durable jobs in `<lcc home>/cron.json`: read without trusting it (a symlink, a FIFO or bad JSON is
// reported with its path and left as is), changed only under `<lcc home>/cron.lock`, written atomically.
import { lstat, realpath } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { readConfigFile, withOwnerLock } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import { ensureLccHome, lccHome } from "@lcc/s04";
import { z } from "zod";
import type { CronJob } from "./cron-job.ts";

const storedJob = z.object({
  id: z.string().regex(/^[0-9a-f]{8}$/),
  cron: z.string().min(1),
  prompt: z.string().min(1),
  recurring: z.boolean(),
  createdAt: z.iso.datetime(),
  lastFiredMinute: z.iso.datetime().optional(),
});
const cronFileSchema = z.object({ version: z.literal(1), jobs: z.array(storedJob) });

/** cron.json cannot be used; the message names the file and says it was left as it is. */
export class CronFileError extends Error {
  override name = "CronFileError";
}

/** What a claim of one fire found, under the lock. */
export type ClaimResult =
  /** This process fires the minute (the file now records it; a one-shot job was removed). */
  | "claimed"
  /** Another process already fired this minute or a later one. */
  | "taken"
  /** The job is no longer in the file (deleted or expired by another process). */
  | "gone";

export interface CronFile {
  readonly path: string;
  /** The durable jobs; `problem` (with the path) when the file cannot be used. Never throws. */
  load(): Promise<{ jobs: CronJob[]; problem?: string }>;
  /** Adds a job. Throws CronFileError when the file cannot be used. */
  add(job: CronJob): Promise<void>;
  /** Removes a job; false when it was not there. Throws CronFileError when the file cannot be used. */
  remove(id: string): Promise<boolean>;
  /**
   * The compare-and-set that makes one process fire a minute: under the lock, when the job's recorded
   * last minute is before `minute`, records `minute` (or removes a one-shot job) and returns "claimed".
   * Throws CronFileError when the file cannot be used.
   */
  claim(id: string, minute: number, oneShot: boolean): Promise<ClaimResult>;
}

/** The durable job file of `workspace` (LCC_HOME honoured). Nothing is created until a job is added. */
export function createCronFile(workspace: string, env: NodeJS.ProcessEnv = {}): CronFile {
  const home = lccHome(workspace, env);
  const path = join(home, "cron.json");
  const lockPath = join(home, "cron.lock");

  const read = async (): Promise<{ jobs: CronJob[]; problem?: string }> => {
    const link = await lstat(path).then(
      (stats) => stats.isSymbolicLink(),
      () => false,
    );
    if (link) return { jobs: [], problem: `${path} is a symbolic link; left as it is, no durable jobs` };
    const file = await readConfigFile(path);
    if (!file.ok) {
      if (file.skip.kind === "missing") return { jobs: [] };
      return { jobs: [], problem: `${path} is ${file.reason}; left as it is, no durable jobs` };
    }
    const problem = (reason: string) => ({
      jobs: [],
      problem: `${path} is not a valid cron file (${reason}); left as it is, no durable jobs`,
    });
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (error) {
      return problem(error instanceof Error ? error.message : String(error));
    }
    const parsed = cronFileSchema.safeParse(json);
    if (!parsed.success) return problem(z.prettifyError(parsed.error).replaceAll("\n", " "));
    return { jobs: parsed.data.jobs.map(fromStored) };
  };

  /** Read-modify-write under the lock; `change` returns the new list (or undefined: nothing to write). */
  const update = async <Result>(
    change: (jobs: CronJob[]) => { jobs?: CronJob[]; result: Result },
  ): Promise<Result> => {
    await ensureLccHome(workspace, env);
    await refuseLinkedHome(home, workspace);
    return withOwnerLock(lockPath, async () => {
      const current = await read();
      if (current.problem) throw new CronFileError(current.problem);
      const { jobs, result } = change(current.jobs);
      if (jobs) await writeFileAtomic(path, serialize(jobs), { mode: 0o600 });
      return result;
    });
  };

  return {
    path,
    load: read,
    add: (job) => update((jobs) => ({ jobs: [...jobs, job], result: undefined })),
    remove: (id) =>
      update((jobs) => {
        const kept = jobs.filter((job) => job.id !== id);
        return kept.length === jobs.length ? { result: false } : { jobs: kept, result: true };
      }),
    claim: (id, minute, oneShot) =>
      update<ClaimResult>((jobs) => {
        const job = jobs.find((candidate) => candidate.id === id);
        if (!job) return { result: "gone" };
        if (job.lastFiredMinute !== undefined && job.lastFiredMinute >= minute) return { result: "taken" };
        const next = oneShot
          ? jobs.filter((candidate) => candidate.id !== id)
          : jobs.map((candidate) =>
              candidate.id === id ? { ...candidate, lastFiredMinute: minute } : candidate,
            );
        return { jobs: next, result: "claimed" };
      }),
  };
}

/** A state folder inside the workspace that resolves elsewhere (a repository's `.lcc -> ~/x`) is refused. */
async function refuseLinkedHome(home: string, workspace: string): Promise<void> {
  const below = relative(workspace, home);
  if (below.startsWith("..") || isAbsolute(below)) return; // LCC_HOME outside the workspace: the user's choice
  const [realHome, realWorkspace] = await Promise.all([realpath(home), realpath(workspace)]);
  if (realHome !== join(realWorkspace, below))
    throw new CronFileError(
      `${home} leads through a symbolic link (to ${realHome}); no durable job is written there`,
    );
}

function fromStored(job: z.infer<typeof storedJob>): CronJob {
  return {
    id: job.id,
    cron: job.cron,
    prompt: job.prompt,
    recurring: job.recurring,
    durable: true,
    createdAt: Date.parse(job.createdAt),
    ...(job.lastFiredMinute ? { lastFiredMinute: Date.parse(job.lastFiredMinute) } : {}),
  };
}

function serialize(jobs: readonly CronJob[]): string {
  const stored = jobs.map((job) => ({
    id: job.id,
    cron: job.cron,
    prompt: job.prompt,
    recurring: job.recurring,
    createdAt: new Date(job.createdAt).toISOString(),
    ...(job.lastFiredMinute === undefined
      ? {}
      : { lastFiredMinute: new Date(job.lastFiredMinute).toISOString() }),
  }));
  return `${JSON.stringify({ version: 1, jobs: stored }, null, 2)}\n`;
}
