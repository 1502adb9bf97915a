// A forwarded call reaches a parentOnly tool only from the registry that holds it: s20 defers parentOnly
// built-ins (spawn_teammate, cron_create …) behind use_tool, and a subagent's use_tool must not reach them.
import { defineTool, type Tool } from "@lcc/s02";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createParallelDispatch } from "./parallel-dispatch.ts";
import { createForwardingTool, dispatchLoopSetup } from "./test-dispatch.ts";

const setup = dispatchLoopSetup(useCleanups());

/** A parentOnly tool that counts its runs. */
function leadOnlyTool(runs: string[]): Tool {
  return defineTool({
    name: "lead_only",
    description: "The lead's alone.",
    input: z.object({}),
    parentOnly: true,
    async run() {
      runs.push("ran");
      return "lead_only ran";
    },
  });
}

describe("forwarding to a parentOnly tool", () => {
  it("runs it from the registry that holds it, and refuses it from one that does not", async () => {
    const runs: string[] = [];
    const target = leadOnlyTool(runs);
    const script = [reply(toolUse("call_tool", { name: "lead_only", input: {} }, "t1")), reply(text("done"))];
    const lead = await setup(script, [target, createForwardingTool([target])], createParallelDispatch());
    await lead.run();
    const child = await setup(script, [createForwardingTool([target])], createParallelDispatch());
    await child.run();
    const answer = (messages: typeof lead.state.messages) => JSON.stringify(messages.at(-2)?.content);
    expect(answer(lead.state.messages)).toContain("lead_only ran");
    expect(answer(child.state.messages)).toContain("lead_only is not available to this agent.");
    expect(runs).toEqual(["ran"]);
    assertPairingInvariant(child.fake.messageRequests());
  });
});
