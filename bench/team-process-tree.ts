// A process and everything it started, read from /proc: each process's parent from /proc/<pid>/stat and
// its resident memory (VmRSS) from /proc/<pid>/status, summed over the tree.
import { readdirSync, readFileSync } from "node:fs";
import { readMemory } from "./full-process-stats.ts";

/** One process of a tree: its id, its command name (`comm`, e.g. "node", "sleep") and its VmRSS in MB. */
export interface TreeProcess {
  pid: number;
  comm: string;
  rssMb: number;
}

/** Parent id and command name of every process now in /proc (those that vanish while read are skipped). */
function allProcesses(): Map<number, { ppid: number; comm: string }> {
  const found = new Map<number, { ppid: number; comm: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at the last ")".
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const ppid = Number(stat.slice(close + 2).split(" ")[1]);
    found.set(Number(entry), { ppid, comm });
  }
  return found;
}

/**
 * `root` and its descendants as they are now, root first, each with its VmRSS. Empty once `root` is
 * gone. Kernel threads and processes that exit while read are left out (they have no VmRSS then).
 */
export function readProcessTree(root: number): TreeProcess[] {
  const processes = allProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: TreeProcess[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.shift()!;
    const memory = readMemory(pid);
    const comm = processes.get(pid)?.comm;
    if (memory && comm !== undefined && Number.isFinite(memory.rssMb))
      tree.push({ pid, comm, rssMb: memory.rssMb });
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Σ VmRSS over a tree, in MB (pages shared between processes count once per process). */
export function treeRssMb(tree: readonly TreeProcess[]): number {
  return tree.reduce((sum, process) => sum + process.rssMb, 0);
}
