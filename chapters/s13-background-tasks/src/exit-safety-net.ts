// The last line of defence: when the process exits without the session being closed (process.exit
// from a signal handler, an uncaught error), every background process group still known is SIGKILLed.
// Module state on purpose: there is one process, and one "exit" listener serves every session in it.

const liveGroups = new Set<number>();
let installed = false;

/** Synchronous: "exit" listeners cannot wait. A group already gone is skipped. */
function killLiveGroups(): void {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  liveGroups.clear();
}

/** Remembers a running group until `forgetGroup`; installs the one exit listener on first use. */
export function rememberGroup(pid: number): void {
  if (!installed) {
    process.on("exit", killLiveGroups);
    installed = true;
  }
  liveGroups.add(pid);
}

/** The group ended (or was killed and reaped): the exit listener leaves it alone. */
export function forgetGroup(pid: number): void {
  liveGroups.delete(pid);
}
