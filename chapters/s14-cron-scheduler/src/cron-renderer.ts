// How a fire looks: one line naming its source, `⏰ cron a1b2c3d4 (09:00): "check the nightly build"`.
import type { EventRenderer } from "@lcc/s02";
import { formatLocalTime, shortPrompt } from "./describe-job.ts";
import "./cron-events.ts";

/** The chapter renderer (lcc uses it too). The time is the minute the job fired for, local. */
export const renderCronEvents: EventRenderer = (event) => {
  if (event.type !== "cron_fire") return undefined;
  const time = formatLocalTime(event.minute).slice(-5);
  return [`⏰ cron ${event.id} (${time}): "${shortPrompt(event.prompt)}"`];
};
