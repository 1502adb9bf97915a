// Public surface of s14: the scheduler in pieces (expression, job rules, durable file, clock, tools,
// renderer, command) so lcc reuses each, and the chapter.
import "./cron-events.ts";

export { type CronSetup, type CronSetupOptions, createCronSetup, createS14Chapter } from "./agent.ts";
export { type CronClock, type CronTimer, createFastClock, realClock } from "./cron-clock.ts";
export { createCronCommand } from "./cron-command.ts";
export { type CronSchedule, type ParsedCron, parseCron } from "./cron-expression.ts";
export { type ClaimResult, type CronFile, CronFileError, createCronFile } from "./cron-file.ts";
export {
  type CronJob,
  expiresAt,
  JOB_LIFETIME_MS,
  type JobPlan,
  jitterMs,
  MAX_JITTER_MS,
  planJob,
} from "./cron-job.ts";
export { renderCronEvents } from "./cron-renderer.ts";
export {
  CronInputError,
  type CronScheduler,
  type CronSchedulerOptions,
  createCronScheduler,
  type NewJob,
} from "./cron-scheduler.ts";
export { describeJobs, formatLocalTime, type ScheduledJob, scheduledPromptMessage } from "./describe-job.ts";
export { SCHEDULE_SECTION } from "./schedule-section.ts";
export { createManualClock, type ManualClock } from "./test-clock.ts";
export { type CronCreateDetails, createCronCreateTool } from "./tools/cron-create.ts";
export { createCronDeleteTool } from "./tools/cron-delete.ts";
export { type CronListDetails, createCronListTool } from "./tools/cron-list.ts";
