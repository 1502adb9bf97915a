// The system-prompt text s17 adds: each teammate's "Autonomy" section (how it finds work and when it stops)
// and the lead's "Autonomous teammates" section (how to put work on the board for them). Numbers come in.

/** The section every teammate's prompt gets. */
export function teammateAutonomySection(pollSeconds: number, timeoutSeconds: number): string {
  return [
    "# Autonomy",
    "- The task board (task_list, task_get) is shared by the team. When your work is done, answer with a short",
    `  summary or call idle: you then look at your inbox and the board every ${pollSeconds} s, and the first task`,
    "  you may take (pending, no owner, no open blockers, and for your role when its subject starts with",
    "  [roles]) is claimed for you and arrives as a <claimed-task> block. claim_task {id} claims one now.",
    '- A task you hold: do it, then task_update {id, status: "completed"}. You change only tasks you own.',
    `- After ${timeoutSeconds} s with no message and no task you shut down by yourself and the lead is told.`,
    "- A shutdown request from the lead is answered with shutdown_response, never ignored.",
  ].join("\n");
}

/** The lead's section. */
export function leadAutonomySection(timeoutSeconds: number): { name: string; text: string } {
  return {
    name: "autonomy",
    text: [
      "# Autonomous teammates",
      "Teammates find their own work: put it on the board with task_create (blockedBy for what must finish first;",
      'start a subject with [role], e.g. "[tester] Cover the parser", to reserve it for that role), then spawn',
      "teammates; each one that has nothing to do claims the next task it may take, so do not assign tasks one by",
      `one. A teammate idle for ${timeoutSeconds} s with nothing to claim shuts down and tells you; ask the others to`,
      "shut down when the board is done.",
    ].join("\n"),
  };
}
