// Forwarded calls (use_tool): the dispatch judges one by the tool it reaches, and a parentOnly tool is reached only
// from the registry that holds it (s20 defers parentOnly built-ins behind use_tool; a subagent's must not reach them).
import type Anthropic from "@anthropic-ai/sdk";
import { defineTool, type Tool } from "@lcc/s02";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createParallelDispatch } from "./parallel-dispatch.ts";
import { testRouterSetup } from "./test-agent.ts";
import {
  createForwardingTool,
  createSlowTool,
  dispatchLoopSetup,
  overlap,
  type RunInterval,
} from "./test-dispatch.ts";

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

/** The tool_result blocks of a message. */
function resultsIn(message: Anthropic.MessageParam | undefined) {
  return ((message?.content ?? []) as Anthropic.ContentBlockParam[]).filter(
    (block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result",
  );
}

describe("a forwarded call in the parallel dispatch", () => {
  it("judges a forwarded call by the tool it reaches: to a read-only tool it overlaps, to a mutating one it is a barrier", async () => {
    const log: RunInterval[] = [];
    const read = createSlowTool(log);
    const write = createSlowTool(log, true);
    const { fake, events, run } = await setup(
      [
        reply(
          toolUse("slow_read", { label: "r1", ms: 150 }, "t1"),
          toolUse("call_tool", { name: "slow_read", input: { label: "f2", ms: 150 } }, "t2"),
          toolUse("call_tool", { name: "slow_write", input: { label: "w3", ms: 150 } }, "t3"),
          toolUse("slow_read", { label: "r4", ms: 150 }, "t4"),
          toolUse("call_tool", { name: "nowhere", input: {} }, "t5"),
        ),
        reply(text("done")),
      ],
      [read, write, createForwardingTool([read, write])],
      createParallelDispatch(),
    );
    await run();
    const byLabel = Object.fromEntries(log.map((one) => [one.label, one]));
    expect(overlap(byLabel.r1!, byLabel.f2!)).toBe(true);
    for (const label of ["r1", "f2", "r4"]) expect(overlap(byLabel.w3!, byLabel[label]!), label).toBe(false);
    const results = resultsIn(fake.messageRequests()[1]!.body.messages.at(-1));
    expect(results.map((result) => [result.tool_use_id, result.content])).toEqual([
      ["t1", "read r1"],
      ["t2", "read f2"],
      ["t3", "wrote w3"],
      ["t4", "read r4"],
      ["t5", "No tool named nowhere."],
    ]);
    // The pipeline ran each forwarded call under its target's name, with the same id.
    const started = events.flatMap((event) => (event.type === "tool_start" ? [[event.id, event.name]] : []));
    expect(started).toEqual([
      ["t1", "slow_read"],
      ["t2", "slow_read"],
      ["t3", "slow_write"],
      ["t4", "slow_read"],
      ["t5", "call_tool"],
    ]);
    assertPairingInvariant(fake.messageRequests());
  });
});

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
