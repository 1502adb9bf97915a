// One `lcc -p` session of the teams bench: lcc (the bundle, through its launcher) against a fake API whose
// script sees each request, its process tree's resident memory sampled while a tool's `sleep` runs in it.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createTempWorkspace,
  hermeticEnv,
  type RecordedRequest,
  type Script,
  startFakeApi,
} from "@lcc/testkit";
import { collect, type LccEntry } from "./full-cli.ts";
import { readProcessTree, type TreeProcess, treeRssMb } from "./team-process-tree.ts";

/** How often the tree is read while the tool works. */
const SAMPLE_MS = 100;
/** The process whose presence in lcc's tree means "a tool is working" (the scripts run `sleep N`). */
export const WORK_COMMAND = "sleep";

/** One reading of the tree while the `sleep` ran: Σ VmRSS of the tree and of the lcc process alone (MB). */
export interface TreeSample {
  treeMb: number;
  lccMb: number;
  /** The processes read, root first. */
  processes: TreeProcess[];
}

export interface TeamSessionRun {
  code: number | null;
  stderr: string;
  /** Readings taken while a `sleep` was in lcc's tree, in order. */
  samples: TreeSample[];
  requests: RecordedRequest[];
}

/**
 * Runs `node <entry> -p <prompt> …` in a temp git workspace with a temp HOME and no inherited ANTHROPIC_*,
 * answering from `script`, and reads lcc's process tree every SAMPLE_MS while a `sleep` is in it. Rejects
 * when lcc does not exit within `timeoutMs` (the whole process group is killed).
 */
export async function runTeamSession(
  lcc: LccEntry,
  prompt: string,
  script: Script,
  timeoutMs = 120_000,
): Promise<TeamSessionRun> {
  const fake = await startFakeApi({ script });
  const workspace = await createTempWorkspace({ files: { "README.md": "# bench workspace\n" }, git: true });
  const home = await mkdtemp(join(tmpdir(), "lcc-bench-teams-home-"));
  try {
    const { NODE_OPTIONS: _options, ...inherited } = hermeticEnv();
    const args = ["-p", prompt, "--output-format", "json", "--max-turns", "40", ...lcc.headlessArgs];
    const child = spawn(process.execPath, [...lcc.nodeFlags, lcc.entry, ...args], {
      cwd: workspace.dir,
      env: {
        ...inherited,
        ANTHROPIC_BASE_URL: fake.baseURL,
        ANTHROPIC_API_KEY: "bench-key",
        NO_COLOR: "1",
        HOME: home,
      },
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const samples: TreeSample[] = [];
    const sampler = setInterval(() => {
      if (!child.pid) return;
      const processes = readProcessTree(child.pid);
      if (!processes.some((process) => process.comm === WORK_COMMAND)) return;
      samples.push({ treeMb: treeRssMb(processes), lccMb: processes[0]?.rssMb ?? Number.NaN, processes });
    }, SAMPLE_MS);
    try {
      const { code, stderr } = await collect(child, timeoutMs);
      return { code, stderr, samples, requests: fake.messageRequests() };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await fake.close();
    await workspace.cleanup();
    await rm(home, { recursive: true, force: true });
  }
}
