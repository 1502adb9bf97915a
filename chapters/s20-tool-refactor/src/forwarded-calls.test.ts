// A forwarded call reaches a parentOnly tool only from the registry that holds it: s20 defers parentOnly
// built-ins (spawn_teammate, cron_create …) behind use_tool, and a subagent's use_tool must not reach them.
import { defineTool, type Tool } from "@lcc/s02";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createParallelDispatch } from "./parallel-dispatch.ts";
import { testRouterSetup } from "./test-agent.ts";
import { createForwardingTool, dispatchLoopSetup } from "./test-dispatch.ts";

const addCleanup = useCleanups();
const setup = dispatchLoopSetup(addCleanup);
const start = testRouterSetup(addCleanup);

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

  it("keeps a subagent's use_tool away from the lead's deferred cron_create, and lets the lead reach it", async () => {
    const isChild = (request: RecordedRequest) =>
      JSON.stringify(request.body.system).includes("You are a general-purpose subagent");
    const newest = (request: RecordedRequest) => JSON.stringify(request.body.messages.at(-1)?.content);
    const schedule = { cron: "0 9 * * 1-5", prompt: "Run the tests." };
    const session = await start({
      script: (request) => {
        if (isChild(request))
          return newest(request).includes("not available")
            ? reply(text("I could not schedule it."))
            : reply(toolUse("use_tool", { name: "cron_create", input: schedule }));
        if (newest(request).includes("could not schedule"))
          return reply(toolUse("use_tool", { name: "cron_create", input: schedule }));
        if (newest(request).includes("Scheduled ")) return reply(text("Scheduled it myself."));
        return reply(
          toolUse("agent", { description: "schedule", prompt: "Schedule the tests.", agent_type: "general" }),
        );
      },
    });
    await session.run("Have a subagent schedule the tests.");
    const requests = session.requests();
    const child = requests.filter(isChild);
    expect(JSON.stringify(child.at(-1)?.body.messages.at(-1))).toContain(
      "cron_create is not available to this agent.",
    );
    expect(JSON.stringify(requests.at(-1)?.body.messages.at(-1))).toMatch(/Scheduled [0-9a-f]+ \(0 9/);
    expect(
      session
        .setup()
        .cron.list()
        .jobs.map((job) => job.prompt),
    ).toEqual(["Run the tests."]);
  });
});
