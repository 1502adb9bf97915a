// What s16 adds to every teammate through s15's TeammateExtension: the protocol section and its two tools,
// shutdown_response and plan_submit, bound to the teammate that uses them.
import type { TeammateExtension } from "@lcc/s15";
import type { Protocol } from "./protocol.ts";
import { TEAMMATE_PROTOCOL_SECTION } from "./protocol-sections.ts";
import { createPlanSubmitTool } from "./tools/plan-submit.ts";
import { createShutdownResponseTool } from "./tools/shutdown-response.ts";

/** The extension; `protocol()` gives the session's protocol (made after the team, before any spawn). */
export function protocolExtension(protocol: () => Protocol): TeammateExtension {
  return {
    sections: [TEAMMATE_PROTOCOL_SECTION],
    tools: (teammate) => [
      createShutdownResponseTool(protocol(), teammate),
      createPlanSubmitTool(protocol(), teammate),
    ],
  };
}
