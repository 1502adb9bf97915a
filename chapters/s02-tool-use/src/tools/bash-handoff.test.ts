// The setup's backgroundHandoff (s13) reaches bash: a command past its timeout is handed over and the
// result says so; without the field bash kills at the timeout and its description is unchanged.
import type { ShellHandoff } from "@lcc/s01";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createToolUseSetup } from "../agent.ts";
import { createToolContext, normalizeResult } from "../tool.ts";

const addCleanup = useCleanups();

async function bashOf(backgroundHandoff?: ShellHandoff) {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  const setup = createToolUseSetup({
    workspace: workspace.dir,
    ...(backgroundHandoff ? { backgroundHandoff } : {}),
  });
  const bash = setup.tools.find((tool) => tool.name === "bash");
  if (!bash) throw new Error("no bash tool");
  const run = async (input: unknown) =>
    normalizeResult(await bash.run(input, createToolContext(workspace.dir)));
  return { bash, run };
}

const killingHandoff: ShellHandoff = {
  take(running) {
    addCleanup(() => process.kill(-(running.child.pid ?? 0), "SIGKILL"));
    return `moved to the background as b1 (${running.reason})`;
  },
};

describe("bash with a background handoff", () => {
  it("moves a command past its timeout to the handoff and tells the model", async () => {
    const { bash, run } = await bashOf(killingHandoff);
    const result = await run({ command: "echo started; sleep 30", timeout_ms: 200 });
    expect(result.content).toBe("started\n[moved to the background as b1 (timeout)]");
    expect(result.isError).toBe(false);
    expect(result.details).toMatchObject({ handedOff: "timeout", timedOut: false, exitCode: null });
    expect(bash.description).toContain("is moved to the background instead of killed");
  });

  it("without the field kills at the timeout, as in s02", async () => {
    const { bash, run } = await bashOf();
    const result = await run({ command: "echo started; sleep 30", timeout_ms: 200 });
    expect(result.isError).toBe(true);
    expect(result.details).toEqual({ exitCode: null, timedOut: true, interrupted: false, droppedChars: 0 });
    expect(bash.description).not.toContain("background instead");
  });
});
