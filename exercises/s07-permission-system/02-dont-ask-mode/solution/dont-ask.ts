// Claude Code's `dontAsk` mode as a PreToolUse check: a call s07 would ask about is refused at once, with
// the rule that would allow it, so nobody is interrupted; what the rules and the modes allow still runs.
import type { AgentHooks } from "@lcc/s02";
import { formatRule, type PermissionManager } from "@lcc/s07";

/**
 * A preToolUse hook over the session's permission manager. It takes the policy's verdict without asking
 * anyone (`permissions.decide`) and turns an "ask" into a deny whose reason says why s07 would have asked
 * and which rules would allow the call. Allow and deny: no opinion, s07's permission phase decides.
 */
export function createDontAskCheck(permissions: PermissionManager): AgentHooks {
  return {
    async preToolUse(call, context) {
      const verdict = await permissions.decide(call, undefined, context.tool, context.workspace);
      if (verdict.kind !== "ask") return undefined;
      const rules = verdict.suggestions.map(formatRule).join(", ");
      const allowWith = rules ? ` An allow rule such as ${rules} would let it run.` : "";
      return {
        kind: "deny",
        reason: `dontAsk mode refused this call without asking: ${verdict.reason}.${allowWith}`,
        source: "dontAsk",
      };
    },
  };
}
