// Public surface of s14.
export {
  type CronSetup,
  type CronSetupOptions,
  createCronSetup,
  createS14Chapter,
} from "./agent.ts";
