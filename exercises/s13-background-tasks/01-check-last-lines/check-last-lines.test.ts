// Your background_check in the real s13 agent: with an id it shows the last `lines` lines of the command's log
// (default 20) and says when earlier output was left out; a short output is shown whole.
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { createBackgroundSetup } from "@lcc/s13";
import {
  assertPairingInvariant,
  type RecordedRequest,
  reply,
  type Script,
  text,
  toolUse,
} from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createBackgroundCheckTool } from "./background-check-tool.ts";

const addCleanup = useCleanups();

/** The s13 session on the fake API with YOUR background_check in place of the chapter's. */
async function start(script: Script) {
  return startAgentTest(addCleanup, {
    script,
    model: DEFAULT_MODEL,
    homePrefix: "lcc-s13-exercise-",
    async createAgent({ home, ...context }) {
      return createSessionAgent(async (setupContext) => {
        const setup = await createBackgroundSetup(setupContext, {
          permissions: { mode: "bypassPermissions" },
          home,
        });
        const mine = createBackgroundCheckTool(setup.background);
        return {
          ...setup,
          tools: setup.tools.map((tool) => (tool.name === "background_check" ? mine : tool)),
        };
      }, context);
    },
  });
}

/** The text of the tool_result with `id` in the request's last message. */
function toolResult(request: RecordedRequest | undefined, id: string): string {
  const last = request?.body.messages.at(-1);
  const blocks = Array.isArray(last?.content) ? last.content : [];
  const found = blocks.find((block) => block.type === "tool_result" && block.tool_use_id === id);
  const content = found?.type === "tool_result" ? found.content : undefined;
  return typeof content === "string"
    ? content
    : (content ?? []).map((block) => (block.type === "text" ? block.text : "")).join("");
}

/** The lines after the result's "output" header, and the header itself. */
function outputOf(result: string): { header: string; lines: string[] } {
  const lines = result.split("\n");
  const start = lines.findIndex((line) => line.startsWith("output"));
  return { header: lines[start] ?? "", lines: lines.slice(start + 1) };
}

const numbers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

describe("background_check with a line limit", () => {
  it("shows the last `lines` lines, or 20 by default, and says earlier output was left out", async () => {
    const agent = await start([
      reply(toolUse("background_run", { command: "seq 1 100" }, "run")),
      reply(toolUse("background_check", { id: "b1", wait_ms: 10_000, lines: 5 }, "five")),
      reply(toolUse("background_check", { id: "b1" }, "default")),
      reply(text("It counted to 100.")),
    ]);
    await agent.run("Count to 100 in the background.");
    const requests = agent.requests();
    expect(requests).toHaveLength(4);

    const five = outputOf(toolResult(requests[2], "five"));
    expect(five.lines).toEqual(numbers(96, 100));
    expect(five.header).toMatch(/earlier output left out/);
    expect(five.header).toContain(".lcc/runtime/b1.log");

    const byDefault = outputOf(toolResult(requests[3], "default"));
    expect(byDefault.lines).toEqual(numbers(81, 100));
    assertPairingInvariant(requests);
  });

  it("shows a short output whole, without a note", async () => {
    const agent = await start([
      reply(toolUse("background_run", { command: "seq 1 3" }, "run")),
      reply(toolUse("background_check", { id: "b1", wait_ms: 10_000 }, "check")),
      reply(text("Three lines.")),
    ]);
    await agent.run("Count to 3 in the background.");
    const output = outputOf(toolResult(agent.requests()[2], "check"));
    expect(output.lines).toEqual(["1", "2", "3"]);
    expect(output.header).not.toMatch(/left out/);
  });
});
