// `pnpm bench full`, search: lcc's grep tool (its run function, called in this process) against ripgrep
// itself on the same query over a generated tree of 100,000 small files in a temp folder.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createGrepTool } from "../full/src/tools/grep.ts";
import { RIPGREP_BASE_ARGS } from "../full/src/tools/ripgrep.ts";
import { check, type Measured, median } from "./full-figures.ts";

const FOLDERS = 200;
const FILES_PER_FOLDER = 500;
/** One file in this many holds a match. */
const MATCH_EVERY = 2000;
const RUNS = 5;
const RATIO = 1.3;
const PATTERN = "needle_[0-9]+";
const run = promisify(execFile);

/** Writes FOLDERS × FILES_PER_FOLDER files of a few lines each; every MATCH_EVERY-th names a needle. */
async function createTree(root: string): Promise<void> {
  for (let folder = 0; folder < FOLDERS; folder++) {
    const directory = join(root, `module-${folder}`);
    await mkdir(directory);
    const writes: Array<Promise<void>> = [];
    for (let file = 0; file < FILES_PER_FOLDER; file++) {
      const number = folder * FILES_PER_FOLDER + file;
      const needle = number % MATCH_EVERY === 0 ? `const marker = "needle_${number}";\n` : "";
      const content = `// file ${number}\nexport function f${number}(value) {\n  return value + ${number};\n}\n${needle}`;
      writes.push(writeFile(join(directory, `file-${file}.js`), content));
    }
    await Promise.all(writes);
  }
}

/** Wall ms of one awaited call. */
async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** The grep figure: median wall of the tool's run and of `rg --files-with-matches`, interleaved. */
export async function measureGrepTree(): Promise<Measured> {
  const rg = await run("rg", ["--version"]).catch(() => undefined);
  if (!rg)
    return { rows: [], notes: ["grep over a 100k-file tree: not measured (no rg on PATH)."], problems: [] };
  const root = await mkdtemp(join(tmpdir(), "lcc-bench-grep-"));
  try {
    await createTree(root);
    const tool = createGrepTool({ implementation: "ripgrep" });
    const context = {
      workspace: root,
      signal: new AbortController().signal,
      toolUseId: "bench",
    } as Parameters<typeof tool.run>[1];
    const ripgrepArgs = [...RIPGREP_BASE_ARGS, "--files-with-matches", "--", PATTERN, root];
    let answer = "";
    const [toolTimes, ripgrepTimes]: [number[], number[]] = [[], []];
    for (let index = 0; index <= RUNS; index++) {
      const toolMs = await timed(async () => {
        const result = await tool.run({ pattern: PATTERN }, context);
        answer = typeof result === "string" ? result : JSON.stringify(result.content);
      });
      const ripgrepMs = await timed(() => run("rg", ripgrepArgs, { maxBuffer: 64 * 1024 * 1024 }));
      if (index > 0) [toolTimes.push(toolMs), ripgrepTimes.push(ripgrepMs)];
    }
    const expected = (FOLDERS * FILES_PER_FOLDER) / MATCH_EVERY;
    const found = answer.match(/needle|file-\d+\.js/g)?.length ?? 0;
    const [toolMs, ripgrepMs] = [median(toolTimes), median(ripgrepTimes)];
    return {
      rows: [
        {
          figure: "grep over a 100k-file tree (vs rg itself)",
          value: `${toolMs.toFixed(0)} ms (floor ${ripgrepMs.toFixed(0)}, ${(toolMs / ripgrepMs).toFixed(2)}×)`,
          target: check(toolMs / ripgrepMs, RATIO, `≤ ${RATIO}× rg`),
        },
      ],
      notes: [
        `grep: a temp tree of ${FOLDERS} folders × ${FILES_PER_FOLDER} small .js files, one in ${MATCH_EVERY} ` +
          `holding a match of /${PATTERN}/. Value: lcc's grep tool (full/src/tools/grep.ts, ripgrep-backed, ` +
          "default files_with_matches mode: paths newest first) called directly in this process, not through " +
          "`lcc -p`; floor: `rg --files-with-matches` with the same base flags the tool passes, spawned with " +
          `execFile. ${RUNS} interleaved runs after a warm-up, medians.`,
      ],
      problems:
        found >= expected
          ? []
          : [`grep tool found ${found} of ${expected} matching files: ${answer.slice(0, 200)}`],
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
