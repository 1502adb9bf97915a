// The public surface of @lcc/testkit: the fake Messages API, its builders and the test helpers.
// No side effects on import.

export { faults, reply, text, toolUse, toolUseRawInput } from "./builders.ts";
export { bundleScript, spawnBundledScript } from "./bundle-script.ts";
export { estimateTokens } from "./estimate-tokens.ts";
export { startFakeApi } from "./fake-api.ts";
export { assertPairingInvariant, pairingProblems } from "./pairing.ts";
export { isProcessAlive } from "./process-alive.ts";
export { estimatePromptTokens } from "./prompt-blocks.ts";
export { canRunAsNobody, NOBODY_ID, runScriptAsNobody } from "./run-as-nobody.ts";
export {
  hermeticEnv,
  type RunCliOptions,
  type RunCliResult,
  runCli,
  type StartCliOptions,
  type StartedCli,
  startCli,
  tsxBin,
  tsxImport,
} from "./run-cli.ts";
export { createTempWorkspace } from "./temp-workspace.ts";
export type {
  FakeApi,
  FakeApiOptions,
  FakeBlock,
  FakeReply,
  FakeStopReason,
  FakeUsage,
  Fault,
  MessagesRequestBody,
  RecordedRequest,
  Script,
  ServerErrorStatus,
} from "./types.ts";
