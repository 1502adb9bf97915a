// The control requests an Agent SDK host sends lcc: initialize, interrupt, set_permission_mode, set_model,
// mcp_status. Any other subtype is answered with an error naming it, never left unanswered.
import { isPermissionMode, PERMISSION_MODES } from "@lcc/s07"; // s07: the permission modes
import type { AgentSession } from "../session/agent-session.ts";
import { buildInitializeResponse, buildMcpStatusResponse, type InitFacts } from "./init-message.ts";
import type { ControlRequestHandler } from "./sdk-connection.ts";

export interface ControlHandlerOptions {
  session: AgentSession;
  facts: InitFacts;
  /** The model `set_model` goes back to for null or "default": the one the session started with. */
  defaultModel: string;
  /** Extra fields of the initialize answer (hooks_applied when the host sent hooks). */
  initializeExtras?: Record<string, unknown>;
  /** Stops the running turn, if any; returns the uuids of the prompts still waiting (they will run). */
  interrupt(): string[];
}

/** The subtypes lcc answers; the rest get an error reply. */
export const SUPPORTED_CONTROL_REQUESTS = [
  "initialize",
  "interrupt",
  "set_permission_mode",
  "set_model",
  "mcp_status",
] as const;

/** Answers the host's control requests. A request it cannot honour throws, which the connection sends as an error reply. */
export function createControlHandler(options: ControlHandlerOptions): ControlRequestHandler {
  const { session } = options;
  return async (request) => {
    switch (request.subtype) {
      case "initialize":
        return { ...buildInitializeResponse(session, options.facts), ...options.initializeExtras };
      case "interrupt":
        return { still_queued: options.interrupt() };
      case "set_permission_mode": {
        const mode = request.mode;
        if (!isPermissionMode(mode))
          throw new Error(
            `lcc has no permission mode ${JSON.stringify(mode)}; it has ${PERMISSION_MODES.join(", ")}`,
          );
        session.core.setup.permissions.setMode(mode);
        return {};
      }
      case "set_model": {
        const model = request.model;
        if (model !== undefined && model !== null && typeof model !== "string")
          throw new Error('set_model needs a model id (a string), null or "default"');
        session.core.setModel(!model || model === "default" ? options.defaultModel : model);
        return {};
      }
      case "mcp_status":
        return buildMcpStatusResponse(session);
      default:
        throw new Error(
          `lcc does not support the control request "${request.subtype}" (it answers ${SUPPORTED_CONTROL_REQUESTS.join(", ")})`,
        );
    }
  };
}
