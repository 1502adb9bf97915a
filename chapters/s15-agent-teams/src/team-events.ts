// s15's events: a teammate joining, every event of its loop tagged with its name, its state changes, the
// messages the team exchanges and queues. Added by augmenting s02's AgentEventMap, as s04 does for subagents.
import type { AgentEvent } from "@lcc/s02";
import type { MessageKind } from "./mailbox.ts";
import type { MemberState } from "./roster.ts";

declare module "@lcc/s02" {
  interface AgentEventMap {
    teammate_spawned: {
      name: string;
      role: string;
      /** Where its tools work: the workspace, or (s18) its worktree lane. */
      workspace: string;
      tools: string[];
    };
    /** One event of a teammate's loop, unchanged, tagged with the teammate's name. */
    teammate_event: { name: string; event: AgentEvent };
    teammate_state: { name: string; state: MemberState; reason?: string };
    /** A message appended to a team inbox by this process (the lead's tools or a teammate's). */
    team_message: { from: string; to: string; kind: MessageKind; content: string };
    /** Messages of `name`'s inbox pushed into its queue: they ride on its next model call (not shown). */
    inbox_queued: { name: string; messages: Array<{ id: string; from: string; kind: MessageKind }> };
  }
}
