// `compact {focus?}`: the model asks for a compaction; it happens before the next model call.
import { defineTool } from "@lcc/s02";
import { z } from "zod";

export const compactInput = z.object({
  focus: z
    .string()
    .optional()
    .describe("What the summary must keep in detail (e.g. 'the failing migration test and its error')."),
});

/**
 * The tool only schedules: a compaction cannot replace the history while this call's tool_result is
 * still unanswered, so it runs in transformContext, right before the next request.
 */
export function createCompactTool(schedule: (focus: string | undefined) => void) {
  return defineTool({
    name: "compact",
    description:
      "Summarize the conversation so far and continue with the summary instead of the full history, to free " +
      "context. Use it between sub-tasks of a long session, not in the middle of one. The user's messages, the " +
      "recently touched files and loaded skills are kept. Optional focus: what the summary must keep in detail.",
    input: compactInput,
    parentOnly: true,
    async run({ focus }) {
      schedule(focus);
      const about = focus?.trim() ? ` with focus "${focus.trim()}"` : "";
      return `Compaction scheduled${about}: the history will be summarized before the next model call.`;
    },
  });
}
