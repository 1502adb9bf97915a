// What lcc says when it ends with background commands still running (s13 stops them as the session closes).

/** The background commands of the session that still run, or [] (no s13 in the setup counts as none). */
export function runningBackground(setup: {
  background?: { list(): readonly { id: string; command: string; status: string }[] };
}): { id: string; command: string }[] {
  return (setup.background?.list() ?? []).filter((job) => job.status === "running");
}

/** "stopping 2 background commands still running<when>: b1 (npm run dev), b3 (make watch)". */
export function describeStopping(jobs: readonly { id: string; command: string }[], when = ""): string {
  const names = jobs.map(
    (job) => `${job.id} (${job.command.length > 40 ? `${job.command.slice(0, 39)}…` : job.command})`,
  );
  const count = jobs.length === 1 ? "1 background command" : `${jobs.length} background commands`;
  return `stopping ${count} still running${when}: ${names.join(", ")}`;
}
