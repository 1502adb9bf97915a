// s14's event: a job fired (its prompt is queued for the next turn). Expiry is a notice.
import "@lcc/s02";

declare module "@lcc/s02" {
  interface AgentEventMap {
    /** A job fired: its prompt waits in the queue for the next turn (an idle REPL wakes). */
    cron_fire: {
      id: string;
      cron: string;
      prompt: string;
      /** The minute it fired for (epoch ms; the fire itself is up to 30 s later, the job's jitter). */
      minute: number;
      recurring: boolean;
      durable: boolean;
    };
  }
}
