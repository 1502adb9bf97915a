// An Agent SDK app extending lcc in process: its own MCP server (createSdkMcpServer, reached over
// mcp_message) and its hook callbacks (hook_callback), both through lcc's loopback bridge.
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  createSdkMcpServer,
  type HookCallback,
  type Options,
  query,
  type SDKMessage,
  tool,
} from "@anthropic-ai/claude-agent-sdk";
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
import { z } from "zod";
import { lccOptions, scenarioOf, scriptByScenario } from "./sdk-test-kit.ts";

const addCleanup = useCleanups();
const fake = await startFakeApi({
  script: scriptByScenario({
    mcp: (step) =>
      step === 0 ? reply(toolUse("mcp__calc__add", { a: 2, b: 3 }, "toolu_add")) : reply(text("2 + 3 = 5.")),
    hooks: (step) =>
      step === 0
        ? reply(
            toolUse("write_file", { path: "x.txt", content: "x\n" }, "toolu_write"),
            toolUse("read_file", { path: "notes.txt" }, "toolu_read"),
          )
        : reply(text("Read, not written.")),
  }),
});
afterAll(() => fake.close());

async function run(prompt: string, extra: Options) {
  const workspace = await createTempWorkspace({ files: { "notes.txt": "alpha\n" } });
  const stderr: string[] = [];
  const options = lccOptions({ workspace: workspace.dir, baseURL: fake.baseURL, stderr }, extra);
  addCleanup(workspace.cleanup, options.cleanup);
  const messages: SDKMessage[] = [];
  for await (const message of query({ prompt, options })) messages.push(message);
  return { workspace: workspace.dir, messages, stderr };
}

const requestsOf = (scenario: string) =>
  fake.messageRequests().filter((request) => scenarioOf(request) === scenario);

describe("an Agent SDK app extending lcc", () => {
  it("lets the model call a tool of the app's in-process MCP server", async () => {
    const calls: Array<{ a: number; b: number }> = [];
    const calc = createSdkMcpServer({
      name: "calc",
      version: "1.0.0",
      tools: [
        tool("add", "Adds two numbers", { a: z.number(), b: z.number() }, async (args) => {
          calls.push(args);
          return { content: [{ type: "text", text: String(args.a + args.b) }] };
        }),
      ],
    });
    const { messages } = await run("[scenario:mcp] add 2 and 3", {
      mcpServers: { calc },
      allowedTools: ["mcp__calc__add"],
    });
    expect(messages[0]).toMatchObject({
      subtype: "init",
      mcp_servers: [{ name: "calc", status: "connected" }],
    });
    expect((messages[0] as { tools: string[] }).tools).toContain("mcp__calc__add");
    expect(calls).toEqual([{ a: 2, b: 3 }]);
    const answer = messages.find((message) => message.type === "user");
    expect(answer).toMatchObject({
      message: { content: [{ type: "tool_result", tool_use_id: "toolu_add", is_error: false }] },
    });
    expect(JSON.stringify(answer)).toContain('"5"');
    expect(messages.at(-1)).toMatchObject({ subtype: "success", result: "2 + 3 = 5." });
    assertPairingInvariant(requestsOf("mcp"));
  });

  it("runs the app's hook callbacks: a PreToolUse deny stops a call, PostToolUse context reaches the model; other events are reported", async () => {
    const heard: Array<{ input: Record<string, unknown>; toolUseId: string | undefined }> = [];
    const denyWrites: HookCallback = async (input, toolUseId) => {
      heard.push({ input: input as unknown as Record<string, unknown>, toolUseId });
      return {
        hookSpecificOutput: {
          hookEventName: "PreToolUse",
          permissionDecision: "deny",
          permissionDecisionReason: "this app allows no writes",
        },
      };
    };
    const addContext: HookCallback = async () => ({
      hookSpecificOutput: {
        hookEventName: "PostToolUse",
        additionalContext: "the app vouches for these notes",
      },
    });
    const { workspace, messages, stderr } = await run("[scenario:hooks] write then read", {
      hooks: {
        PreToolUse: [{ matcher: "Write", hooks: [denyWrites] }],
        PostToolUse: [{ matcher: "Read", hooks: [addContext] }],
        PermissionDenied: [{ hooks: [addContext] }],
      },
    });
    // An event s08 does not run is said on stderr (the SDK's stderr callback), not dropped in silence.
    expect(stderr.join("")).toContain("hooks for PermissionDenied are not supported here");
    expect(heard).toEqual([
      {
        input: expect.objectContaining({
          hook_event_name: "PreToolUse",
          tool_name: "Write",
          tool_input: expect.objectContaining({ file_path: "x.txt" }),
          tool_use_id: "toolu_write",
        }),
        toolUseId: "toolu_write",
      },
    ]);
    expect(existsSync(join(workspace, "x.txt"))).toBe(false);
    expect(messages.at(-1)).toMatchObject({ subtype: "success", result: "Read, not written." });
    const second = JSON.stringify(requestsOf("hooks")[1]?.body.messages.at(-1));
    expect(second).toContain("this app allows no writes");
    expect(second).toContain("the app vouches for these notes");
    assertPairingInvariant(requestsOf("hooks"));
  });
});
