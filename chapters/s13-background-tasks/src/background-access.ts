// The PreToolUse phase for background_kill: it stops only commands this session started, so it runs
// without a question (s07 knows only the tools that existed when it was set up). A deny rule still wins.
import type { AgentHooks } from "@lcc/s02";

/** The preToolUse hook allowing background_kill; no opinion on anything else. Never throws. */
export const backgroundAccess: AgentHooks = {
  async preToolUse(call) {
    if (call.name !== "background_kill") return undefined;
    return { kind: "allow", reason: "it stops only this session's own commands", source: "background" };
  },
};
