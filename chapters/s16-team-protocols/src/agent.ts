// The s16 chapter (team protocols) on s15's setup: one request/response shape with a request_id, the
// shutdown and plan-approval handshakes, /requests, /team stop through the handshake, and a close that asks first.
import { extendSetup, type SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { realClock } from "@lcc/s14";
import { createTeamSetup, DEFAULT_INBOX_POLL_MS, type TeamSetup, type TeamSetupOptions } from "@lcc/s15";
import { handshakeStop } from "./handshake-stop.ts";
import {
  CLOSE_TIMEOUT_MS,
  createProtocol,
  PLAN_TIMEOUT_MS,
  type Protocol,
  type ProtocolSettings,
  SHUTDOWN_TIMEOUT_MS,
} from "./protocol.ts";
import { protocolExtension } from "./protocol-extension.ts";
import { LEAD_PROTOCOL_SECTION } from "./protocol-sections.ts";
import { createProtocolRequests, type ProtocolRequests } from "./request-store.ts";
import { createRequestsCommand } from "./requests-command.ts";
import { createListRequestsTool } from "./tools/list-requests.ts";
import { createPlanReviewTool } from "./tools/plan-review.ts";
import { createShutdownRequestTool } from "./tools/shutdown-request.ts";

export interface ProtocolSetupOptions extends TeamSetupOptions {
  /** The clock of request deadlines and polls (default: teamClock, cronClock, else the real clock). */
  protocolClock?: ProtocolSettings["clock"];
  /** How long a shutdown request waits for its answer (default SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs?: number;
  /** How long a submitted plan waits for its review (default PLAN_TIMEOUT_MS). */
  planTimeoutMs?: number;
  /** At session close, how long (real time) teammates get to agree before they are aborted (default CLOSE_TIMEOUT_MS). */
  closeTimeoutMs?: number;
  /** Decided requests kept in the store (default KEPT_DECIDED_REQUESTS). */
  keepDecidedRequests?: number;
}

export interface ProtocolSetup extends TeamSetup {
  /** The team's request records (s17 answers and lists through it). */
  requests: ProtocolRequests;
  /** The session's protocol: settings, the shutdown handshake (`protocol.shutdown`), the close. */
  protocol: Protocol;
}

/**
 * s15's setup plus the protocols: lead tools shutdown_request, plan_review and list_requests, teammate
 * tools shutdown_response and plan_submit (this extension first, then `options.teammateExtensions`),
 * /requests, and /team stop through the handshake. The protocol belongs to the session like the team; when
 * the session closes it asks every teammate to shut down (closeTimeoutMs), then s15 aborts whoever is left.
 */
export async function createProtocolSetup(
  context: SetupContext,
  options: ProtocolSetupOptions = {},
): Promise<ProtocolSetup> {
  let current: Protocol | undefined;
  const protocol = () => {
    if (!current) throw new Error("the team protocol is used before the setup finished");
    return current;
  };
  const setup = await createTeamSetup(context, {
    ...options,
    teammateExtensions: [protocolExtension(protocol), ...(options.teammateExtensions ?? [])],
    stopTeammate: handshakeStop(protocol),
  });
  const make = () => {
    const made = createProtocol(
      setup.team,
      createProtocolRequests(setup.team.transport, {
        ...(options.keepDecidedRequests === undefined ? {} : { keepDecided: options.keepDecidedRequests }),
      }),
      context.queue,
      {
        clock: options.protocolClock ?? options.teamClock ?? options.cronClock ?? realClock,
        pollMs: options.teamPollMs ?? DEFAULT_INBOX_POLL_MS,
        shutdownTimeoutMs: options.shutdownTimeoutMs ?? SHUTDOWN_TIMEOUT_MS,
        planTimeoutMs: options.planTimeoutMs ?? PLAN_TIMEOUT_MS,
        closeTimeoutMs: options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS,
      },
    );
    // Registered after s15's closer, so it runs first: the handshake before s15 aborts the rest.
    context.session?.onClose(() => made.close());
    return made;
  };
  current = context.session ? context.session.keep("s16:protocol", make) : make();
  const extended = extendSetup(setup, {
    systemSections: [LEAD_PROTOCOL_SECTION],
    tools: [
      createShutdownRequestTool(current),
      createPlanReviewTool(current),
      createListRequestsTool(current.requests),
    ],
    commands: [createRequestsCommand(current.requests)],
  });
  return { ...extended, requests: current.requests, protocol: current };
}

export function createS16Chapter(options: ProtocolSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s16", title: "team protocols" }, (context) =>
    createProtocolSetup(context, options),
  );
}
