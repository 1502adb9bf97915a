// The command line the Agent SDK starts its executable with (captured from @anthropic-ai/claude-agent-sdk
// 0.3.328), parsed by lcc's flags; and the combinations lcc refuses.
import { describe, expect, it } from "vitest";
import { parseArgs } from "../cli/args.ts";

/**
 * query() with maxTurns, model, canUseTool, resume, allowed/disallowed tools, an MCP server, a mode,
 * allowDangerouslySkipPermissions, and the SDK's debug log on.
 */
const SDK_ARGV = [
  "--output-format",
  "stream-json",
  "--verbose",
  "--input-format",
  "stream-json",
  "--max-turns=3",
  "--model=claude-haiku-4-5",
  "--permission-prompt-tool=stdio",
  "--resume=20260101-120000-abcdef",
  "--allowedTools=Read",
  "--disallowedTools=Bash(rm:*)",
  "--mcp-config",
  '{"mcpServers":{"files":{"command":"node","args":["x.js"]}}}',
  "--permission-mode=acceptEdits",
  "--debug-file=/tmp/sdk-debug.txt",
  "--allow-dangerously-skip-permissions",
];

describe("lcc's flags as the Agent SDK passes them", () => {
  it("reads the SDK's command line as a headless stream-json run with every option in force", () => {
    expect(parseArgs(SDK_ARGV)).toMatchObject({
      kind: "run",
      print: true,
      inputFormat: "stream-json",
      outputFormat: "stream-json",
      permissionPromptTool: "stdio",
      maxTurns: 3,
      model: "claude-haiku-4-5",
      resume: "20260101-120000-abcdef",
      allowedTools: ["Read"],
      disallowedTools: ["Bash(rm:*)"],
      mcpConfig: ['{"mcpServers":{"files":{"command":"node","args":["x.js"]}}}'],
      permissionMode: "acceptEdits",
    });
    expect(parseArgs(SDK_ARGV)).not.toHaveProperty("prompt");
  });

  it("refuses stream-json input without stream-json output, with a prompt argument, or a prompt tool other than stdio", () => {
    expect(parseArgs(["--input-format", "stream-json"])).toEqual({
      kind: "error",
      message: "--input-format stream-json needs --output-format stream-json",
    });
    expect(parseArgs(["--input-format=stream-json", "--output-format=stream-json", "hello"])).toEqual({
      kind: "error",
      message: "--input-format stream-json reads its prompts from stdin, not arguments",
    });
    expect(parseArgs([...SDK_ARGV, "--permission-prompt-tool", "mcp__auth__ask"])).toEqual({
      kind: "error",
      message: '--permission-prompt-tool supports only stdio (got "mcp__auth__ask")',
    });
    expect(parseArgs(["-p", "x", "--permission-prompt-tool", "stdio"])).toEqual({
      kind: "error",
      message: "--permission-prompt-tool stdio needs --input-format stream-json",
    });
    expect(parseArgs(["--input-format", "xml"])).toEqual({
      kind: "error",
      message: '--input-format must be text or stream-json (got "xml")',
    });
  });

  it("keeps text input the default, so -p reads its prompt as before", () => {
    expect(parseArgs(["-p", "hi"])).toMatchObject({ inputFormat: "text", print: true, prompt: "hi" });
  });
});
