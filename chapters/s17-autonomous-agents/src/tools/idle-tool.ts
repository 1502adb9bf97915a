// `idle`: the teammate says it has nothing more to do. Its run ends after this round (the call answered)
// and s17's idle policy takes over: inbox and board polling, a claimed task, or a shutdown on timeout.
import { type AgentHooks, defineTool } from "@lcc/s02";
import { z } from "zod";

/** Why a run ended when the teammate called idle (agent_end's detail). */
export const IDLE_DETAIL = "the teammate went idle";

/** The tool and the afterTurn hook that ends the run in the round the tool was called. */
export function createIdleTool(options: { pollSeconds: number; timeoutSeconds: number }) {
  let requested = false;
  const tool = defineTool({
    name: "idle",
    description:
      "Say that you have nothing more to do. Your turn ends after this call; then you look at your inbox and " +
      `the task board every ${options.pollSeconds} s and take the first task you may claim (it arrives as a ` +
      `<claimed-task> block). After ${options.timeoutSeconds} s with no message and no task you shut down and ` +
      "the lead is told. Do not call it in the middle of a task.",
    input: z.object({}),
    ownStateOnly: true,
    summarizeInput: () => "",
    async run() {
      requested = true;
      return "Going idle after this turn: a message or a task you claim will wake you.";
    },
  });
  const hooks: AgentHooks = {
    afterTurn() {
      if (!requested) return undefined;
      requested = false;
      // The teammate chose to end its turn: to the lead it reads as any finished run ("end_turn").
      return { kind: "end", reason: "end_turn", detail: IDLE_DETAIL };
    },
  };
  return { tool, hooks };
}
