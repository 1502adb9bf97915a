// Process figures read from outside the process: /proc/<pid>/status (resident memory),
// /proc/<pid>/stat (CPU ticks) and GNU time's report (peak RSS of a whole run).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Resident memory now and at its peak so far, in MB; undefined once the process is gone. */
export function readMemory(pid: number): { rssMb: number; peakMb: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: field("VmRSS") / 1024, peakMb: field("VmHWM") / 1024 };
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time used so far, in ms: by the process itself, and by the children it has reaped (the
 * shells its tools ran). Resolution one clock tick (usually 10 ms). Undefined once it is gone.
 */
export function readCpu(pid: number): { selfMs: number; childrenMs: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // Fields after the command name (which may contain spaces): state is field 3, utime field 14.
  const fields = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  const ticks = (index: number) => fields[index - 3] ?? 0;
  const toMs = (count: number) => (count * 1000) / ticksPerSecond;
  return { selfMs: toMs(ticks(14) + ticks(15)), childrenMs: toMs(ticks(16) + ticks(17)) };
}

/** True when `/usr/bin/time` is GNU time (it understands `-v -o file`). */
export function hasGnuTime(): boolean {
  const probe = spawnSync("/usr/bin/time", ["-v", "-o", "/dev/null", "true"], { encoding: "utf8" });
  return probe.status === 0;
}

/** Peak resident memory (MB) from a GNU `time -v` report. */
export function parseGnuTimePeakMb(report: string): number | undefined {
  const kilobytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
  return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
}
