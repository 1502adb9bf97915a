// s17's event: a teammate took a task from the board (while idle, or with claim_task). Added by augmenting
// s02's AgentEventMap, as s15 does for its team events.

/** How a task was claimed: by the idle policy, or by the teammate's own claim_task call. */
export type ClaimVia = "idle" | "claim_task";

declare module "@lcc/s02" {
  interface AgentEventMap {
    task_claimed: { name: string; id: number; subject: string; via: ClaimVia };
  }
}
