// The Agent SDK steering a running lcc: interrupt() mid-tool, canUseTool answering permission questions
// (deny one call, allow another with updatedInput), and maxTurns. The real SDK, lcc from its sources, a fake API.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CanUseTool, type Options, query, type SDKMessage } from "@anthropic-ai/claude-agent-sdk";
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { createPromptQueue, lccOptions, scenarioOf, scriptByScenario, untilResult } from "./sdk-test-kit.ts";

const addCleanup = useCleanups();
const fake = await startFakeApi({
  script: scriptByScenario({
    sleep: (step) =>
      [
        reply(toolUse("bash", { command: "sleep 30" }, "toolu_sleep")),
        reply(text("Back again.")),
        reply(toolUse("write_file", { path: "c.txt", content: "c\n" }, "toolu_write_c")),
      ][step] ?? reply(text("This reply is never asked for.")),
    write: (step) =>
      step === 0
        ? reply(
            toolUse("write_file", { path: "a.txt", content: "A\n" }, "toolu_write_a"),
            toolUse("write_file", { path: "b.txt", content: "B\n" }, "toolu_write_b"),
          )
        : reply(text("One file written.")),
    loop: (step) =>
      reply(text("Reading again."), toolUse("read_file", { path: "notes.txt" }, `toolu_loop_${step}`)),
  }),
});
afterAll(() => fake.close());

async function setup(extra: Options = {}) {
  const workspace = await createTempWorkspace({ files: { "notes.txt": "alpha\n" } });
  const stderr: string[] = [];
  const options = lccOptions({ workspace: workspace.dir, baseURL: fake.baseURL, stderr }, extra);
  addCleanup(workspace.cleanup, options.cleanup);
  return { workspace: workspace.dir, options, stderr };
}

const requestsOf = (scenario: string) =>
  fake.messageRequests().filter((request) => scenarioOf(request) === scenario);

describe("the Agent SDK steering lcc", () => {
  it("interrupts a running tool call: the turn ends with an error result, the session takes the next prompt; so does canUseTool's interrupt", async () => {
    const canUseTool: CanUseTool = async () => ({
      behavior: "deny",
      message: "stop everything",
      interrupt: true,
    });
    const { options } = await setup({ allowedTools: ["Bash(sleep:*)"], canUseTool });
    const prompts = createPromptQueue();
    const stream = query({ prompt: prompts.messages, options });
    addCleanup(() => stream.close());
    const seen: SDKMessage[] = [];
    prompts.push("[scenario:sleep] wait a while");
    let interruptedAt = 0;
    const stopped = await untilResult(stream, seen, async (message) => {
      if (message.type === "assistant" && interruptedAt === 0) {
        interruptedAt = Date.now();
        await stream.interrupt();
      }
    });
    expect(Date.now() - interruptedAt).toBeLessThan(10_000);
    expect(stopped).toMatchObject({
      subtype: "error_during_execution",
      is_error: true,
      errors: ["interrupted"],
    });
    const answer = seen.find((message) => message.type === "user");
    expect(answer).toMatchObject({
      message: { content: [{ type: "tool_result", tool_use_id: "toolu_sleep", is_error: true }] },
    });

    prompts.push("are you there?");
    expect(await untilResult(stream, seen)).toMatchObject({ subtype: "success", result: "Back again." });
    // A deny with interrupt: true refuses the call and ends the turn: the model is not asked again.
    prompts.push("write c.txt");
    expect(await untilResult(stream, seen)).toMatchObject({
      subtype: "error_during_execution",
      errors: ["interrupted"],
    });
    expect(requestsOf("sleep")).toHaveLength(3);
    // The run exits with its last result's code, so after that error result the SDK throws, as with claude.
    prompts.end();
    await expect(stream.next()).rejects.toThrow("Claude Code returned an error result: interrupted");
    assertPairingInvariant(requestsOf("sleep"));
  });

  it("asks canUseTool about each call needing approval: a deny refuses it, an allow's updatedInput is what runs", async () => {
    const asked: Array<{ toolName: string; input: Record<string, unknown>; toolUseID: string }> = [];
    const canUseTool: CanUseTool = async (toolName, input, { toolUseID }) => {
      asked.push({ toolName, input, toolUseID });
      if (input.file_path === "a.txt") return { behavior: "deny", message: "a.txt is off limits" };
      return { behavior: "allow", updatedInput: { ...input, content: "B, as the app wrote it\n" } };
    };
    const { workspace, options } = await setup({ canUseTool });
    const messages: SDKMessage[] = [];
    for await (const message of query({ prompt: "[scenario:write] write two files", options }))
      messages.push(message);

    // The app sees Claude Code's tool name and field names, as its hooks would.
    expect(asked).toEqual([
      {
        toolName: "Write",
        input: expect.objectContaining({ file_path: "a.txt" }),
        toolUseID: "toolu_write_a",
      },
      {
        toolName: "Write",
        input: expect.objectContaining({ file_path: "b.txt" }),
        toolUseID: "toolu_write_b",
      },
    ]);
    expect(existsSync(join(workspace, "a.txt"))).toBe(false);
    expect(readFileSync(join(workspace, "b.txt"), "utf8")).toBe("B, as the app wrote it\n");
    expect(messages.at(-1)).toMatchObject({
      subtype: "success",
      result: "One file written.",
      permission_denials: [
        {
          tool_name: "Write",
          tool_use_id: "toolu_write_a",
          tool_input: expect.objectContaining({ path: "a.txt" }),
        },
      ],
    });
    // The model reads the app's reason with the refusal.
    const results = requestsOf("write")[1]?.body.messages.at(-1)?.content as unknown as Array<
      Record<string, unknown>
    >;
    expect(results[0]).toMatchObject({ tool_use_id: "toolu_write_a", is_error: true });
    expect(JSON.stringify(results[0]?.content)).toContain("a.txt is off limits");
    expect(results[1]).toMatchObject({ tool_use_id: "toolu_write_b", is_error: false });
    assertPairingInvariant(requestsOf("write"));
  });

  it("ends a turn at maxTurns with error_max_turns, and the SDK reports the error after the result", async () => {
    const { options } = await setup({ maxTurns: 2 });
    const messages: SDKMessage[] = [];
    const run = (async () => {
      for await (const message of query({ prompt: "[scenario:loop] read forever", options }))
        messages.push(message);
    })();
    await expect(run).rejects.toThrow(/stopped after 2 model requests \(--max-turns\)/);
    expect(messages.at(-1)).toMatchObject({
      type: "result",
      subtype: "error_max_turns",
      is_error: true,
      num_turns: 2,
      errors: [expect.stringContaining("--max-turns")],
    });
    expect(requestsOf("loop")).toHaveLength(2);
    assertPairingInvariant(requestsOf("loop"));
  });
});
