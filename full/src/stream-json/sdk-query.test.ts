// lcc as the engine of the real Claude Agent SDK: query() starts `lcc` (pathToClaudeCodeExecutable) against
// the fake API and reads the stream-json messages: one prompt, streamed prompts, control requests, resume.
import { spawn } from "node:child_process";
import { type Options, query, type SDKMessage } from "@anthropic-ai/claude-agent-sdk";
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPromptQueue, lccOptions, scenarioOf, scriptByScenario, untilResult } from "./sdk-test-kit.ts";

const addCleanup = useCleanups();
const fake = await startFakeApi({
  script: scriptByScenario({
    hello: (step) =>
      step === 0
        ? reply(
            toolUse(
              "agent",
              { description: "Look around", prompt: "[scenario:child] list the notes" },
              "toolu_agent",
            ),
          )
        : reply(text("Hello from lcc.")),
    child: () => reply(text("The notes say alpha.")),
    turns: (step) => reply(text(["Noted: 42.", "The number was 42.", "Still 42."][step] ?? "?")),
  }),
});
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
beforeAll(() => process.on("warning", onWarning));
afterAll(async () => {
  process.off("warning", onWarning);
  await fake.close();
});

/** A workspace and query() options for lcc in it; `extra` are the test's own options. */
async function setup(extra: Options = {}) {
  const workspace = await createTempWorkspace({ files: { "notes.txt": "alpha\n" } });
  const stderr: string[] = [];
  const options = lccOptions({ workspace: workspace.dir, baseURL: fake.baseURL, stderr }, extra);
  addCleanup(workspace.cleanup, options.cleanup);
  return { workspace: workspace.dir, options, stderr };
}

/** The fake's message requests of one scenario. */
const requestsOf = (scenario: string) =>
  fake.messageRequests().filter((request) => scenarioOf(request) === scenario);

describe("lcc under the Agent SDK's query()", () => {
  it("answers a prompt with system init, the assistant's message and a successful result, every line one the SDK reads", async () => {
    // lcc started as the SDK would start it, with its stdout also recorded here, line by line.
    let stdout = "";
    let stderr = "";
    const { workspace, options } = await setup({
      spawnClaudeCodeProcess: ({ command, args, cwd, env, signal }) => {
        const child = spawn(command, args, { cwd, env, signal, stdio: ["pipe", "pipe", "pipe"] });
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString("utf8");
        });
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString("utf8");
        });
        return child;
      },
    });
    const messages: SDKMessage[] = [];
    try {
      for await (const message of query({ prompt: "[scenario:hello] say hello", options }))
        messages.push(message);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; lcc's stderr:\n${stderr}`);
    }
    expect(messages.map((message) => message.type)).toEqual([
      "system",
      "assistant",
      "assistant",
      "user",
      "assistant",
      "result",
    ]);
    const [init, call, child, answer, assistant, result] = messages;
    expect(init).toMatchObject({
      subtype: "init",
      cwd: workspace,
      model: expect.any(String),
      permissionMode: "default",
      apiKeySource: "ANTHROPIC_API_KEY",
      mcp_servers: [],
      tools: expect.arrayContaining(["Bash", "Read", "Write", "Edit", "Task"]),
      slash_commands: expect.arrayContaining(["compact"]),
    });
    const sessionId = (init as { session_id: string }).session_id;
    // The subagent's reply carries the tool_use id of the agent call that started it; the call's result does not.
    expect(call).toMatchObject({ parent_tool_use_id: null, message: { content: [{ id: "toolu_agent" }] } });
    expect(child).toMatchObject({
      parent_tool_use_id: "toolu_agent",
      message: { content: [{ type: "text", text: "The notes say alpha." }] },
    });
    expect(answer).toMatchObject({
      parent_tool_use_id: null,
      message: { content: [{ type: "tool_result", tool_use_id: "toolu_agent", is_error: false }] },
    });
    expect(assistant).toMatchObject({
      parent_tool_use_id: null,
      session_id: sessionId,
      message: { role: "assistant", content: [{ type: "text", text: "Hello from lcc." }] },
    });
    expect(result).toMatchObject({
      subtype: "success",
      is_error: false,
      result: "Hello from lcc.",
      num_turns: 2,
      session_id: sessionId,
      permission_denials: [],
      usage: { output_tokens: expect.any(Number) },
      total_cost_usd: expect.any(Number),
      duration_ms: expect.any(Number),
      duration_api_ms: expect.any(Number),
    });
    const model = (init as { model: string }).model;
    const usage = (result as unknown as { modelUsage: Record<string, Record<string, number>> }).modelUsage[
      model
    ];
    expect(usage).toMatchObject({ outputTokens: expect.any(Number), costUSD: expect.any(Number) });
    expect(usage?.outputTokens).toBeGreaterThan(0);
    for (const message of messages) expect(message.uuid).toMatch(/^[0-9a-f-]{36}$/);
    // Every stdout line is a JSON message of a type the SDK reads, and the SDK raised no warning.
    const lines = stdout.split("\n").filter((line) => line.trim() !== "");
    const types = lines.map((line) => (JSON.parse(line) as { type: string }).type);
    expect(new Set(types)).toEqual(new Set(["control_response", "system", "assistant", "user", "result"]));
    expect(warnings).toEqual([]);
  });

  it("keeps one session across streamed prompts, one result each, answers control requests between turns, and resumes by id", async () => {
    const { options } = await setup();
    const prompts = createPromptQueue();
    const stream = query({ prompt: prompts.messages, options });
    addCleanup(() => stream.close());
    const seen: SDKMessage[] = [];
    prompts.push("[scenario:turns] remember 42");
    const first = await untilResult(stream, seen);
    expect(first).toMatchObject({ subtype: "success", result: "Noted: 42." });

    // A slash command of the session (slash_commands) runs as typed at lcc's prompt: no model request.
    prompts.push("/help");
    expect(await untilResult(stream, seen)).toMatchObject({
      subtype: "success",
      num_turns: 0,
      result: expect.stringContaining("/compact"),
    });

    await stream.setPermissionMode("acceptEdits");
    await stream.setModel("claude-haiku-4-5");
    expect(await stream.mcpServerStatus()).toEqual([]);
    // A request lcc does not handle is answered with an error naming it, never left waiting.
    await expect(stream.getContextUsage()).rejects.toThrow(
      /does not support the control request "get_context_usage"/,
    );

    prompts.push("which number?");
    const second = await untilResult(stream, seen);
    expect(second).toMatchObject({
      subtype: "success",
      result: "The number was 42.",
      session_id: first?.session_id,
    });
    prompts.end();
    expect(await stream.next()).toMatchObject({ done: true });

    // A later query resumes the session by the id the SDK read (passed to lcc as --resume).
    const resumed: SDKMessage[] = [];
    for await (const message of query({
      prompt: "and now?",
      options: { ...options, resume: first?.session_id ?? "" },
    }))
      resumed.push(message);
    expect(resumed.at(-1)).toMatchObject({
      subtype: "success",
      result: "Still 42.",
      session_id: first?.session_id,
    });

    const inits = seen.filter((message) => message.type === "system" && message.subtype === "init");
    expect(inits.map((init) => (init as { permissionMode: string }).permissionMode)).toEqual([
      "default",
      "default",
      "acceptEdits",
    ]);
    const [turn1, turn2, turn3] = requestsOf("turns");
    expect(turn1?.body.model).not.toBe("claude-haiku-4-5");
    expect(turn2?.body.model).toBe("claude-haiku-4-5");
    // The second turn's request carries the first turn: the same conversation.
    expect(JSON.stringify(turn2?.body.messages)).toContain("Noted: 42.");
    expect(JSON.stringify(turn3?.body.messages)).toContain("The number was 42.");
    assertPairingInvariant(requestsOf("turns"));
    // The result's modelUsage is the run's running total: both models.
    expect(Object.keys((second as { modelUsage: object }).modelUsage)).toContain("claude-haiku-4-5");
  });
});
