// Public surface of s12.
export {
  createS12Chapter,
  createTaskSetup,
  type TaskSetup,
  type TaskSetupOptions,
} from "./agent.ts";
