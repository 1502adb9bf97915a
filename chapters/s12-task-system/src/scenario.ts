// The s12 demo and end-to-end scenario: the model records a feature as four linked tasks, /tasks shows the
// graph, the user finishes two of them and the update names the task that became ready.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import type { TaskSetupOptions } from "./agent.ts";

/** The demo reads no real ~/.claude or ~/.lcc: the reader's own settings and memories stay out of it. */
export const s12DemoOptions: TaskSetupOptions = { home: join(tmpdir(), "lcc-s12-demo-home") };

export const PLAN_PROMPT =
  "Plan the CSV export as tasks: the export query and a CSV writer, then the /export endpoint using both, then its docs.";
export const DONE_PROMPT = "The query and the CSV writer are done. Mark them and tell me what is next.";

const exportSource = `// Orders export (work in progress).
export interface Order { id: string; total: number; createdAt: string }
`;

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS12Scenario(): DemoScenario {
  const steps: FakeReply[] = [
    reply(
      text("I'll record the plan as durable tasks, with what waits on what."),
      toolUse("task_create", {
        subject: "Write the export query",
        description: "Select the orders of a date range from src/export.ts's Order shape, oldest first.",
      }),
      toolUse("task_create", {
        subject: "Write the CSV writer",
        description: "Stream rows as RFC 4180 CSV: quote fields with commas, quotes or newlines.",
      }),
      toolUse("task_create", {
        subject: "Add the /export endpoint",
        description: "GET /export?from=&to= streams the query's rows through the CSV writer.",
        blockedBy: [1, 2],
      }),
      toolUse("task_create", { subject: "Document the export", blockedBy: [3] }),
    ),
    reply(
      text(
        "Planned as 4 tasks in .lcc/tasks: #1 and #2 can start now; the endpoint (#3) waits for both, " +
          "and the docs (#4) wait for the endpoint. They stay there for the next session too.",
      ),
    ),
    reply(
      toolUse("task_update", { id: 1, status: "completed" }),
      toolUse("task_update", { id: 2, status: "completed" }),
    ),
    reply(
      text("Both done. The endpoint is unblocked now; here it is in full."),
      toolUse("task_get", { id: 3 }),
    ),
    reply(
      text(
        "Next is #3, the /export endpoint: GET /export?from=&to= streaming the query's rows through the " +
          "CSV writer. The docs (#4) wait for it.",
      ),
    ),
  ];
  let position = 0;
  return {
    files: { "src/export.ts": exportSource },
    prompts: [PLAN_PROMPT, "/tasks", DONE_PROMPT, "/tasks"],
    script: () => steps[position++] ?? reply(text("(the scripted model has nothing more to say)")),
  };
}
