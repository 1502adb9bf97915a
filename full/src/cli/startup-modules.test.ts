// What `lcc -p` loads before it can answer (issue 15's start-up budget): not the MCP SDK (ajv, the
// protocol's schemas) when no server is configured, not the terminal UI or the highlighter, and at most
// START_JS_BUDGET_KB of JavaScript, so a heavy import on the start-up path fails here, not in a benchmark;
// and its first request is Latin-1 (issue 15's per-turn budget).
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

async function runRecorded(args: string[]) {
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
  const modules = [...new Set(readFileSync(log, "utf8").trim().split("\n"))].map((url) => fileURLToPath(url));
  return { modules, firstRequest: JSON.stringify(fake.messageRequests()[0]?.body) };
}

describe("lcc -p at start-up", () => {
  it("loads the bundle without the MCP SDK, the terminal UI or the highlighter, within its size budget", {
    timeout: 60_000,
  }, async () => {
    const { modules } = await runRecorded(["-p", "Say hello."]);
    const files = modules.filter((path) => /[\\/]dist[\\/]/.test(path));
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

  it("sends a first request whose every character is Latin-1, so its JSON stays one byte per character", async () => {
    // One "…" or "→" in a prompt or tool description makes V8 keep each turn's request body as a two-byte
    // string: twice the memory to build, copy and collect on every turn.
    const { firstRequest } = await runRecorded(["-p", "Say hello."]);
    expect(firstRequest.length).toBeGreaterThan(10_000);
    const wide = [...firstRequest].flatMap((char, index) =>
      (char.codePointAt(0) ?? 0) > 0xff ? [`${char} in …${firstRequest.slice(index - 40, index + 10)}…`] : [],
    );
    expect(wide).toEqual([]);
  });
});
