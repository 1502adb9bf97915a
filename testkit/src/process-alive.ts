// Whether a process still runs, for tests that check nothing was left behind.
import { existsSync, readFileSync } from "node:fs";

/**
 * True while `pid` runs. A zombie counts as gone: a killed process whose parent has not reaped it yet (or
 * one re-parented to a PID 1 that never reaps, as in some containers) is dead for our purposes.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    if (existsSync("/proc/self")) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}
