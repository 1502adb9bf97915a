// Which durable jobs this user created: a repository can ship its own `.lcc/cron.json`, and a job from it
// would fire as if the user had typed its prompt. The ledger, in the user's home (never the workspace),
// records a digest of every durable job created here; a job it does not know is listed but never fires.
import { createHash } from "node:crypto";
import { mkdir, realpath } from "node:fs/promises";
import { join } from "node:path";
import { readConfigFile, withOwnerLock } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import { z } from "zod";
import type { CronJob } from "./cron-job.ts";

const ledgerSchema = z.object({
  version: z.literal(1),
  workspaces: z.record(z.string(), z.record(z.string(), z.string())),
});
type Ledger = z.infer<typeof ledgerSchema>;

export interface CronLedger {
  readonly path: string;
  /** True when this user created the job, unchanged, on this workspace. A bad ledger knows nothing. */
  knows(job: CronJob): Promise<boolean>;
  /** Records a job this user creates. Throws (naming the ledger) when the ledger cannot be used. */
  remember(job: CronJob): Promise<void>;
  /** Forgets a removed job (best effort). */
  forget(id: string): Promise<void>;
}

/** The digest of what makes a job act: a job edited in the file no longer matches. */
function digest(job: CronJob): string {
  const fields = [job.id, job.cron, job.prompt, String(job.recurring), String(job.createdAt)];
  return createHash("sha256").update(fields.join("\n")).digest("hex");
}

/** The ledger `<home>/.lcc/cron-jobs.json` for `workspace` (its real path keys the entries). */
export function createCronLedger(home: string, workspace: string): CronLedger {
  const folder = join(home, ".lcc");
  const path = join(folder, "cron-jobs.json");
  const key = realpath(workspace).catch(() => workspace);

  const read = async (): Promise<{ ledger: Ledger; problem?: string }> => {
    const empty: Ledger = { version: 1, workspaces: {} };
    const file = await readConfigFile(path);
    if (!file.ok)
      return file.skip.kind === "missing"
        ? { ledger: empty }
        : { ledger: empty, problem: `${path} is ${file.reason}` };
    try {
      const parsed = ledgerSchema.safeParse(JSON.parse(file.text));
      if (parsed.success) return { ledger: parsed.data };
      return { ledger: empty, problem: `${path} is not a valid ledger of cron jobs; left as it is` };
    } catch {
      return { ledger: empty, problem: `${path} is not valid JSON; left as it is` };
    }
  };

  const change = async (edit: (jobs: Record<string, string>) => void) => {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const workspaceKey = await key;
    await withOwnerLock(join(folder, "cron-jobs.lock"), async () => {
      const { ledger, problem } = await read();
      if (problem) throw new Error(`${problem}; durable jobs cannot be recorded`);
      const jobs = { ...ledger.workspaces[workspaceKey] };
      edit(jobs);
      ledger.workspaces[workspaceKey] = jobs;
      await writeFileAtomic(path, `${JSON.stringify(ledger, null, 2)}\n`, { mode: 0o600 });
    });
  };

  return {
    path,
    async knows(job) {
      const { ledger } = await read();
      return ledger.workspaces[await key]?.[job.id] === digest(job);
    },
    remember: (job) =>
      change((jobs) => {
        jobs[job.id] = digest(job);
      }),
    forget: (id) =>
      change((jobs) => {
        delete jobs[id];
      }).catch(() => undefined),
  };
}
