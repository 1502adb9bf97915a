// `pnpm bench full`, why start-up takes what it takes: one `lcc -p` run under --cpu-prof, its samples up
// to the first request written to the socket sorted into where the time went, and the JavaScript it loaded.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { reply, text } from "@lcc/testkit";
import { type LccEntry, runCliOnce } from "./full-cli.ts";
import { exitProblems, type Measured } from "./full-figures.ts";

/** Loaded with `--import`: logs every module URL to LCC_MODULE_LOG (the start-up test uses it too). */
const RECORDER = new URL("../full/src/cli/fixtures/record-module-loads.mjs", import.meta.url).href;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  /** Microseconds on the monotonic clock (process.hrtime's). */
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a sample's time went, judged by its own frame and the frames above it. */
export function categoryOf(frames: readonly ProfileNode["callFrame"][]): string {
  const [own] = frames;
  if (!own) return "other";
  const name = own.functionName;
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(idle)") return "idle (waiting for files, git, the socket)";
  if (name === "compileSourceTextModule") return "compiling lcc's bundle (ESM, no code cache on Node 20)";
  if (frames.some((frame) => frame.url.includes("undici"))) return "fetch (undici) loading";
  if (frames.some((frame) => frame.functionName === "ChildProcess.spawn")) return "spawning processes (git)";
  if (
    /^(compileForInternalLoader|compileForPublicLoader|requireBuiltin)$/.test(name) ||
    own.url.startsWith("node:") ||
    !own.url
  )
    return "Node itself (bootstrap, module loader, built-in modules)";
  if (frames.some((frame) => /[\\/]dist[\\/]/.test(frame.url)))
    return "lcc's code (evaluating modules, setting up)";
  return "other";
}

/**
 * Milliseconds per category of the samples taken before `untilUs` (monotonic µs: when the fake API got
 * the first request), from the profile's start.
 */
export function startupBreakdown(
  profile: CpuProfile,
  untilUs: number,
): { totalMs: number; byCategory: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const framesOf = (id: number) => {
    const frames: ProfileNode["callFrame"][] = [];
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const node = nodes.get(at);
      if (node) frames.push(node.callFrame);
    }
    return frames;
  };
  const byCategory = new Map<string, number>();
  let totalMs = 0;
  let at = profile.startTime;
  for (const [index, id] of profile.samples.entries()) {
    at += profile.timeDeltas[index] ?? 0;
    if (at > untilUs) break;
    const frames = framesOf(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    totalMs += ms;
    const category = categoryOf(frames);
    byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
  }
  return { totalMs, byCategory };
}

/** One profiled `lcc -p` (the breakdown, as a note) and one recorded (the JavaScript it loaded, as a row). */
export async function measureStartupProfile(lcc: LccEntry): Promise<Measured> {
  const folder = await mkdtemp(join(tmpdir(), "lcc-bench-profile-"));
  try {
    const log = join(folder, "modules.log");
    const args = ["-p", "Say hello.", "--output-format", "json", ...lcc.headlessArgs];
    let firstRequestUs = Number.POSITIVE_INFINITY;
    const profileFlags = ["--cpu-prof", `--cpu-prof-dir=${folder}`, "--cpu-prof-interval=250"];
    const profiled = await runCliOnce(
      { ...lcc, nodeFlags: [...lcc.nodeFlags, ...profileFlags] },
      {
        args,
        answer: () => {
          firstRequestUs = Math.min(firstRequestUs, Number(process.hrtime.bigint() / 1000n));
          return reply(text("Hello."));
        },
      },
    );
    const recorded = await runCliOnce(lcc, {
      args,
      answer: () => reply(text("Hello.")),
      env: { NODE_OPTIONS: `--import=${RECORDER}`, LCC_MODULE_LOG: log },
    });
    const notes: string[] = [];
    const profileFile = readdirSync(folder).find((name) => name.endsWith(".cpuprofile"));
    if (profileFile) {
      const profile = JSON.parse(readFileSync(join(folder, profileFile), "utf8")) as CpuProfile;
      const { totalMs, byCategory } = startupBreakdown(profile, firstRequestUs);
      const parts = [...byCategory]
        .sort((left, right) => right[1] - left[1])
        .map(([category, ms]) => `${category} ${ms.toFixed(0)} ms`);
      notes.push(
        `Start-up profile (one \`lcc -p\` under --cpu-prof, somewhat slower than without; from the profiler's ` +
          `start, after Node's own bootstrap, to the fake API receiving the first request): ${totalMs.toFixed(0)} ms = ` +
          `${parts.join(", ")}.`,
      );
    }
    const urls = readFileSync(log, "utf8").trim().split("\n");
    const files = [...new Set(urls.filter((url) => /[\\/]dist[\\/]/.test(url)))].map((url) =>
      fileURLToPath(url),
    );
    const kilobytes = files.reduce((sum, path) => sum + statSync(path).size, 0) / 1024;
    return {
      rows: [
        {
          figure: "JavaScript lcc -p loads before answering",
          value: `${kilobytes.toFixed(0)} KB in ${files.length} files`,
        },
      ],
      notes,
      problems: [...exitProblems(profiled, "profiled lcc -p"), ...exitProblems(recorded, "recorded lcc -p")],
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
