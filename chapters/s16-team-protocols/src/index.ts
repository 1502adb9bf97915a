// Public surface of s16: the protocol setup and chapter, the request store, the one message shape, the
// lead's side of the shutdown handshake, the waiting primitive, and the tools.
export {
  createProtocolSetup,
  createS16Chapter,
  type ProtocolSetup,
  type ProtocolSetupOptions,
} from "./agent.ts";
export { handshakeStop } from "./handshake-stop.ts";
export {
  CLOSE_TIMEOUT_MS,
  createProtocol,
  PLAN_TIMEOUT_MS,
  type Protocol,
  type ProtocolSettings,
  SHUTDOWN_TIMEOUT_MS,
} from "./protocol.ts";
export { protocolExtension } from "./protocol-extension.ts";
export {
  formatProtocolMessage,
  openRequest,
  type ProtocolMessage,
  parseProtocolMessage,
  sendResponse,
} from "./protocol-message.ts";
export {
  type Reaction,
  reactions,
  requestIdIn,
  shutdownAnswer,
} from "./protocol-script.ts";
export { LEAD_PROTOCOL_SECTION, TEAMMATE_PROTOCOL_SECTION } from "./protocol-sections.ts";
export { checkStoppable, requestShutdown, type ShutdownOptions } from "./request-shutdown.ts";
export {
  createProtocolRequests,
  KEPT_DECIDED_REQUESTS,
  type ProtocolRequests,
  type RequestFilter,
} from "./request-store.ts";
export { createRequestsCommand } from "./requests-command.ts";
export { createListRequestsTool, describeRequest, describeRequests } from "./tools/list-requests.ts";
export { createPlanReviewTool } from "./tools/plan-review.ts";
export { createPlanSubmitTool, MAX_PLAN_CHARS } from "./tools/plan-submit.ts";
export { createShutdownRequestTool } from "./tools/shutdown-request.ts";
export { createShutdownResponseTool } from "./tools/shutdown-response.ts";
export { type WaitOptions, waitForDecision } from "./wait-for-decision.ts";
