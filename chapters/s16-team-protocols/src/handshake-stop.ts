// s16's `/team stop`: the shutdown handshake instead of s15's abort. Approved, the teammate finished its
// step; rejected, it goes on and the user reads why; unanswered in time, it is stopped without agreement.
import { type StopTeammate, TeamError } from "@lcc/s15";
import { type Protocol, seconds } from "./protocol.ts";

/** `/team stop`'s way of stopping one teammate; returns the line for the user (a TeamError becomes that line). */
export function handshakeStop(protocol: () => Protocol): StopTeammate {
  return async (team, name) => {
    const { shutdownTimeoutMs } = protocol();
    let decided: Awaited<ReturnType<Protocol["shutdown"]>>;
    try {
      decided = await protocol().shutdown(name, { reason: "the user asked to stop you (/team stop)" });
    } catch (error) {
      if (error instanceof TeamError) return `${error.message}.`;
      throw error;
    }
    if (decided.state === "approved") return `${name} agreed (${decided.id}) and stopped.`;
    if (decided.state === "rejected")
      return `${name} declined (${decided.id}): ${decided.reason ?? "no reason given"}. It goes on.`;
    const teammate = team.get(name);
    if (!teammate)
      return `${name} did not answer within ${seconds(shutdownTimeoutMs)} (${decided.id} expired).`;
    teammate.abort("stopped by the user: no answer to the shutdown request");
    await teammate.done;
    return `${name} did not answer within ${seconds(shutdownTimeoutMs)} (${decided.id} expired): stopped it without its agreement.`;
  };
}
