// The scheduler of one session: the jobs it knows, ONE timer on an injectable clock for the earliest
// thing to do, and the fire: claim the minute (durable jobs: a compare-and-set in cron.json), queue the
// prompt for the next turn, tell the user. Nothing fires twice, nothing piles up.
import type { EmitEvent, MessageQueue } from "@lcc/s02";
import type { CronClock, CronTimer } from "./cron-clock.ts";
import { parseCron } from "./cron-expression.ts";
import { type ClaimResult, type CronFile, CronFileError } from "./cron-file.ts";
import { type CronJob, newJobId, planJob } from "./cron-job.ts";
import type { CronLedger } from "./cron-ledger.ts";
import { type ScheduledJob, scheduledPromptMessage, shortPrompt } from "./describe-job.ts";
import "./cron-events.ts";

export interface CronSchedulerOptions {
  clock: CronClock;
  queue: Pick<MessageQueue, "push">;
  emit: EmitEvent;
  file: CronFile;
  /** Job ids (default 8 random hex digits). */
  newId?: () => string;
  /**
   * The user's record of the durable jobs they created (cron-ledger.ts). With it, a durable job it does
   * not know (shipped by a repository, or edited in the file) is listed but never fires.
   */
  ledger?: CronLedger;
  /**
   * false: jobs are kept, listed and saved, but nothing fires or expires here (lcc -p: the run ends with
   * its turn, so a fire would be claimed and lost). Default true.
   */
  fires?: boolean;
}

export interface NewJob {
  cron: string;
  prompt: string;
  recurring: boolean;
  durable: boolean;
}

/** An invalid expression, or a job that would never fire; the message is the model's next move. */
export class CronInputError extends Error {
  override name = "CronInputError";
}

export interface CronScheduler {
  /** Loads the durable jobs (a bad cron.json becomes a warning notice) and arms the timer. Once. */
  start(): Promise<void>;
  /** Adds a job. Throws CronInputError (bad expression) or CronFileError (durable, cron.json unusable). */
  create(job: NewJob): Promise<ScheduledJob>;
  /** Removes a job (from cron.json too when durable); undefined when no job has this id. */
  remove(id: string): Promise<CronJob | undefined>;
  /** The jobs in the order they fire next, and cron.json's problem if it has one. */
  list(): { jobs: ScheduledJob[]; problem?: string };
  now(): number;
  /**
   * The queue's between-turn messages were just taken by a run of the loop: jobs whose prompt was
   * waiting may fire again. Until then a due job skips its minutes (one prompt waits, not a pile).
   */
  delivered(): void;
  /** Cancels the timer for good (the session closed). */
  stop(): void;
  /** Resolves when the fires and expiries started so far have finished (tests, the demo). */
  idle(): Promise<void>;
}

export function createCronScheduler(options: CronSchedulerOptions): CronScheduler {
  const { clock, queue, emit, file } = options;
  const jobs = new Map<string, CronJob>();
  /** Durable jobs the ledger does not know: listed, deletable, never fired. */
  const foreign = new Map<string, CronJob>();
  /** Jobs whose fired prompt is still in the queue. */
  const waiting = new Set<string>();
  let fileProblem: string | undefined;
  let timer: CronTimer | undefined;
  let stopped = false;
  let started: Promise<void> | undefined;
  let work = Promise.resolve();

  const notice = (text: string, level: "info" | "warn" = "info") =>
    emit({ type: "notice", source: "cron", text, level });

  /** One timer, for the earliest fire or expiry of any job. */
  const arm = () => {
    timer?.cancel();
    timer = undefined;
    if (stopped || options.fires === false) return;
    const now = clock.now();
    let earliest = Number.POSITIVE_INFINITY;
    for (const job of jobs.values()) {
      const plan = planJob(job, now);
      if (plan.kind === "wait") earliest = Math.min(earliest, plan.until);
      else if (plan.kind !== "never") earliest = now;
    }
    if (earliest === Number.POSITIVE_INFINITY) return;
    timer = clock.setTimer(() => {
      work = work.then(tick);
    }, earliest - now);
  };

  const tick = async () => {
    timer = undefined;
    for (const job of [...jobs.values()]) {
      if (stopped) return;
      const plan = planJob(job, clock.now());
      if (plan.kind === "expire") await expire(job);
      else if (plan.kind === "fire") await fire(job, plan.minute);
    }
    arm();
  };

  const expire = async (job: CronJob) => {
    jobs.delete(job.id);
    waiting.delete(job.id);
    if (job.durable) await file.remove(job.id).catch(reportFileError);
    notice(
      `cron ${job.id} expired 7 days after it was created and was removed: "${shortPrompt(job.prompt)}"`,
    );
  };

  const fire = async (job: CronJob, minute: number) => {
    // Its last prompt has not reached the model yet: this minute joins it instead of queueing another.
    const claim: ClaimResult = waiting.has(job.id) ? "taken" : await claimMinute(job, minute);
    if (!jobs.has(job.id)) return; // deleted while the claim waited for the lock
    job.lastFiredMinute = minute;
    if (claim === "gone" || (claim === "claimed" && !job.recurring)) jobs.delete(job.id);
    if (claim !== "claimed") return;
    waiting.add(job.id);
    queue.push({ source: "cron", content: scheduledPromptMessage(job, minute), betweenTurns: true });
    const { id, cron, prompt, recurring, durable } = job;
    emit({ type: "cron_fire", id, cron, prompt, minute, recurring, durable });
  };

  /** Session jobs are this process's alone; a durable job's minute goes to whoever sets it first in cron.json. */
  const claimMinute = async (job: CronJob, minute: number): Promise<ClaimResult> => {
    if (!job.durable) return "claimed";
    return file.claim(job.id, minute, !job.recurring).catch((error: unknown) => {
      reportFileError(error);
      return "taken" as const;
    });
  };

  const reportFileError = (error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    if (error instanceof CronFileError) fileProblem = text;
    notice(`cron: ${text}`, "warn");
  };

  const scheduled = (job: CronJob, now: number): ScheduledJob => {
    const plan = planJob(job, now);
    if (plan.kind === "wait" && plan.next === "fire") return { ...job, nextFireAt: plan.until };
    return plan.kind === "fire" ? { ...job, nextFireAt: now } : { ...job };
  };

  return {
    start() {
      started ??= (async () => {
        const loaded = await file.load();
        if (loaded.problem) {
          fileProblem = loaded.problem;
          notice(`cron: ${loaded.problem}`, "warn");
        }
        for (const job of loaded.jobs) {
          const known = !options.ledger || (await options.ledger.knows(job));
          (known ? jobs : foreign).set(job.id, job);
        }
        if (jobs.size > 0) notice(`${jobs.size} durable scheduled prompt(s) loaded from ${file.path}`);
        if (foreign.size > 0)
          notice(
            `cron: ${foreign.size} job(s) in ${file.path} were not created by you on this machine (a repository ` +
              `can ship its own), so they never fire: ${[...foreign.keys()].join(", ")}. /cron lists them; cron_delete removes one.`,
            "warn",
          );
        arm();
      })();
      return started;
    },
    async create(input) {
      const parsed = parseCron(input.cron);
      if (!parsed.ok) throw new CronInputError(`Invalid cron expression '${input.cron}': ${parsed.reason}`);
      let id = (options.newId ?? newJobId)();
      while (jobs.has(id)) id = newJobId();
      const job: CronJob = { id, ...input, cron: parsed.schedule.expression, createdAt: clock.now() };
      if (planJob(job, job.createdAt).kind === "never")
        throw new CronInputError(`'${input.cron}' has no matching minute left: nothing would ever fire`);
      if (job.durable) {
        if (fileProblem) throw new CronFileError(fileProblem);
        await options.ledger?.remember(job);
        await file.add(job);
      }
      jobs.set(id, job);
      arm();
      return scheduled(job, clock.now());
    },
    async remove(id) {
      const job = jobs.get(id) ?? foreign.get(id);
      if (!job) return undefined;
      if (job.durable) {
        await file.remove(id);
        await options.ledger?.forget(id);
      }
      jobs.delete(id);
      foreign.delete(id);
      waiting.delete(id);
      arm();
      return job;
    },
    list() {
      const now = clock.now();
      const listed = [
        ...[...jobs.values()].map((job) => scheduled(job, now)),
        ...[...foreign.values()].map((job): ScheduledJob => ({ ...job, foreign: true })),
      ];
      listed.sort(
        (a, b) => (a.nextFireAt ?? Number.POSITIVE_INFINITY) - (b.nextFireAt ?? Number.POSITIVE_INFINITY),
      );
      return { jobs: listed, ...(fileProblem ? { problem: fileProblem } : {}) };
    },
    now: () => clock.now(),
    delivered() {
      waiting.clear();
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = undefined;
    },
    idle: async () => {
      await started;
      await work;
    },
  };
}
