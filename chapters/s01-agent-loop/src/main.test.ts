import { fileURLToPath } from "node:url";
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  runCli,
  startFakeApi,
  text,
  toolUse,
  tsxBin,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";

const addCleanup = useCleanups();
const mainPath = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("s01 start (main.ts as a real process)", () => {
  it("without a key prints how to set one and how to run the demo, and exits non-zero", async () => {
    const workspace = await createTempWorkspace();
    addCleanup(workspace.cleanup);
    const result = await runCli({
      command: tsxBin,
      args: [mainPath],
      cwd: workspace.dir,
      stdin: "hello\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ANTHROPIC_API_KEY");
    expect(result.stderr).toContain("pnpm --filter s01 demo");
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
      command: tsxBin,
      args: [mainPath],
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
