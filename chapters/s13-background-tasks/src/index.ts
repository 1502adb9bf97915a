// Public surface of s13.
export {
  type BackgroundSetup,
  type BackgroundSetupOptions,
  createBackgroundSetup,
  createS13Chapter,
} from "./agent.ts";
