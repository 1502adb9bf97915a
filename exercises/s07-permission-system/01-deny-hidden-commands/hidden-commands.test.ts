// Deny rules that hold against hidden commands: the pure finder, then the real s07 agent in bypassPermissions
// mode (where deny rules are the only brake) against the fake API, the rule known to the learner's check only.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup } from "@lcc/s02";
import { createPermissionSetup } from "@lcc/s07";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createHiddenCommandDenyCheck, hiddenCommands } from "./hidden-commands.ts";

const addCleanup = useCleanups();

describe("hiddenCommands", () => {
  it("finds the command behind a wrapper or NAME=value words", () => {
    expect(hiddenCommands("timeout 5 rm -rf build")).toContain("rm -rf build");
    expect(hiddenCommands("FOO=1 nice -n 10 rm -rf build")).toContain("rm -rf build");
    expect(hiddenCommands("git status && nohup rm -rf build")).toContain("rm -rf build");
    expect(hiddenCommands("CI=true rm -rf build")).toContain("rm -rf build");
  });

  it("finds the commands inside $(…) and backticks, nested too", () => {
    expect(hiddenCommands("echo $(rm -rf build)")).toContain("rm -rf build");
    expect(hiddenCommands("echo `rm -rf build`")).toContain("rm -rf build");
    expect(hiddenCommands('echo "$(cat $(rm -rf build))"')).toContain("rm -rf build");
    expect(hiddenCommands("ls -la")).toEqual(["ls -la"]);
  });
});

describe("the s07 agent with the check", () => {
  it("keeps Bash(rm:*) in force in bypassPermissions mode, whatever hides the rm", async () => {
    const hidden = ["timeout 5 rm -rf build", "echo $(rm -rf build)", "git status && rm -rf build"];
    const { fake, workspace, client, config, cleanup } = await startFakeModel({
      script: [
        ...hidden.map((command, index) => reply(toolUse("bash", { command }, `toolu_hidden_${index}`))),
        reply(toolUse("bash", { command: "ls build" }, "toolu_ls")),
        reply(text("The build folder is still there.")),
      ],
      files: { "build/out.txt": "artifact\n" },
      model: DEFAULT_MODEL,
    });
    addCleanup(cleanup);
    // The rule is given to the learner's check only: s07's own policy (which sees hidden commands itself)
    // has no rule here, so whatever is denied, the check denied.
    const options = { mode: "bypassPermissions" as const };
    const check = createHiddenCommandDenyCheck(["Bash(rm:*)"]);
    const agent = await createSessionAgent(
      (context) =>
        extendSetup(createPermissionSetup(context, options), { hooks: [check], childHooks: [check] }),
      { client, config, workspace, output: captureOutput() },
    );
    await agent.handleLine("Clean up, then list build.", new AbortController().signal);

    expect(existsSync(join(workspace, "build", "out.txt"))).toBe(true);
    const requests = fake.messageRequests();
    const results = requests.slice(1).map((request) => {
      const last = request.body.messages.at(-1)?.content as Anthropic.ToolResultBlockParam[];
      return last.find((block) => block.type === "tool_result")!;
    });
    for (const result of results.slice(0, 3)) {
      expect(result.is_error).toBe(true);
      expect(String(result.content)).toContain("Bash(rm:*)");
    }
    expect(results[3]).toMatchObject({ tool_use_id: "toolu_ls", is_error: false });
    expect(String(results[3]!.content)).toContain("out.txt");
    assertPairingInvariant(requests);
  });
});
