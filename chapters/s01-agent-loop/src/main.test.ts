// s01's start as a real process: without a key the offline demo, with one the REPL on INIT_CWD.
import { fileURLToPath } from "node:url";
import {
  assertPairingInvariant,
  bundleScript,
  createTempWorkspace,
  reply,
  runCli,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { s01Scenario } from "./scenario.ts";

const addCleanup = useCleanups();
const mainPath = fileURLToPath(new URL("./main.ts", import.meta.url));
/** main.ts and its imports bundled once (testkit's bundleScript), run with plain node: no tsx at each start. */
const mainBundle = () => bundleScript(mainPath);

describe("s01 start (main.ts as a real process)", () => {
  it("without a key prints one banner saying how to set one, then plays the offline demo and exits 0", async () => {
    const workspace = await createTempWorkspace();
    addCleanup(workspace.cleanup);
    const result = await runCli({
      command: process.execPath,
      args: [await mainBundle()],
      cwd: workspace.dir,
      // HOME in the temp workspace: a key in the developer's ~/.lcc/.env must not turn this into a live run.
      env: { HOME: workspace.dir },
      stdin: "hello\n",
    });
    expect(result.code).toBe(0);
    const printed = result.stdout + result.stderr;
    expect(printed.match(/no API key found/g)).toHaveLength(1);
    expect(printed).toContain("ANTHROPIC_API_KEY");
    expect(printed).toContain("pnpm --filter s01 start");
    expect(result.stdout).toContain(`s01 > ${s01Scenario.prompts[0]}`);
    expect(result.stdout).toContain("⏺ bash(node src/app.js)");
    expect(result.stdout).toContain("running the app prints `hello`");
    expect(result.stdout).toContain("(demo workspace removed");
    expect(result.stdout).not.toContain("s01 > hello");
  });

  it("reads one prompt per line from non-TTY stdin, works in INIT_CWD and exits 0 at end of input", async () => {
    const workspace = await createTempWorkspace({ files: { "marker.txt": "here\n" } });
    const fake = await startFakeApi({
      script: [
        reply(toolUse("bash", { command: "ls" })),
        reply(text("I see marker.txt.")),
        reply(text("Second answer.")),
      ],
    });
    addCleanup(workspace.cleanup, fake.close);
    const result = await runCli({
      command: process.execPath,
      args: [await mainBundle()],
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: fake.baseURL, INIT_CWD: workspace.dir },
      stdin: ["what is here?", "", "and now?"],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`workspace: ${workspace.dir}`);
    expect(result.stdout).toContain("s01 > what is here?");
    expect(result.stdout).toContain("marker.txt");
    expect(result.stdout).toContain("Second answer.");
    expect(fake.messageRequests()).toHaveLength(3);
    expect(fake.messageRequests()[0]!.headers.authorization).toBe("Bearer test-key");
    assertPairingInvariant(fake.messageRequests());
  });
});
