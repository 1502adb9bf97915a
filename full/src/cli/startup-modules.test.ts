// What `lcc -p` loads before it can answer (issue 15's start-up budget): not the MCP SDK (ajv, the
// protocol's schemas) when no server is configured, not the terminal UI or the highlighter, and at most
// START_JS_BUDGET_KB of JavaScript, so a heavy import on the start-up path fails here, not in a benchmark.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createTempWorkspace, reply, startFakeApi, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();
const recorder = pathToFileURL(
  fileURLToPath(new URL("./fixtures/record-module-loads.mjs", import.meta.url)),
).href;
/** About 910 KB today; the MCP SDK alone would add ~290 KB, the whole Anthropic client ~260 KB. */
const START_JS_BUDGET_KB = 1100;

/** Text that only each library's code contains (the bundle is minified, so no file names). */
const MARKERS = {
  "the MCP SDK client": "Client does not support form-mode elicitation requests",
  ajv: "ajv implementation error",
  "pi-tui (the terminal UI)": "\\x1B[?2026h",
  "highlight.js": "Language definition for '",
};

async function loadedModules(args: string[]): Promise<string[]> {
  const workspace = await createTempWorkspace({ files: { "README.md": "# start-up\n" }, git: true });
  const fake = await startFakeApi({ script: [reply(text("Hello."))] });
  const logFolder = await mkdtemp(join(tmpdir(), "lcc-modules-"));
  addCleanup(
    workspace.cleanup,
    () => fake.close(),
    () => rm(logFolder, { recursive: true, force: true }),
  );
  const log = join(logFolder, "modules.log");
  const run = await runLcc({
    args,
    cwd: workspace.dir,
    baseURL: fake.baseURL,
    env: { NODE_OPTIONS: `--import=${recorder}`, LCC_MODULE_LOG: log },
  });
  expect(run.code, run.stderr).toBe(0);
  return [...new Set(readFileSync(log, "utf8").trim().split("\n"))].map((url) => fileURLToPath(url));
}

describe("lcc -p at start-up", () => {
  it("loads the bundle without the MCP SDK, the terminal UI or the highlighter, within its size budget", {
    timeout: 60_000,
  }, async () => {
    const files = (await loadedModules(["-p", "Say hello."])).filter((path) => /[\\/]dist[\\/]/.test(path));
    expect(files.some((path) => path.endsWith("lcc.mjs"))).toBe(true);
    const sources = files.map((path) => readFileSync(path, "utf8"));
    const dist = join(files[0] ?? "", "..");
    const bundle = readdirSync(dist).flatMap((name) =>
      name.endsWith(".mjs") ? [readFileSync(join(dist, name), "utf8")] : [],
    );
    for (const [library, marker] of Object.entries(MARKERS)) {
      expect(
        bundle.some((source) => source.includes(marker)),
        `${library} is in the bundle`,
      ).toBe(true);
      expect(
        sources.some((source) => source.includes(marker)),
        `${library} is loaded`,
      ).toBe(false);
    }
    const kilobytes = files.reduce((sum, path) => sum + statSync(path).size, 0) / 1024;
    expect(kilobytes).toBeGreaterThan(200);
    expect(kilobytes).toBeLessThan(START_JS_BUDGET_KB);
  });
});
