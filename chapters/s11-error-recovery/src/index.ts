// Public surface of s11.
export {
  createRecoverySetup,
  createS11Chapter,
  type RecoverySetup,
  type RecoverySetupOptions,
} from "./agent.ts";
