// The demo scenario is the chapter's end-to-end test: the REPL and the real agent with the real server-everything
// from the workspace's .mcp.json, the question about the project's server, the permission prompt, an echo, an
// image, a deny rule, then /mcp.
import type Anthropic from "@anthropic-ai/sdk";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant, type RecordedRequest } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS19DemoChapter, createS19Scenario, GREETING } from "./scenario.ts";

const addCleanup = useCleanups();

/** The tool_result blocks of a request's newest message. */
function resultsOf(request: RecordedRequest | undefined): Anthropic.ToolResultBlockParam[] {
  const content = request?.body.messages.at(-1)?.content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((block) =>
    block.type === "tool_result" ? [block as Anthropic.ToolResultBlockParam] : [],
  );
}

describe("the s19 demo", () => {
  it("asks about the project's server, lists its tools, echoes under a prompt, gets an image, is refused get-env", async () => {
    const output = captureOutput();
    const run = await runScenario(createS19DemoChapter(), createS19Scenario(), output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path.endsWith("/messages"));
    assertPairingInvariant(requests);
    expect(requests).toHaveLength(4);

    const names = (requests[0]?.body.tools ?? []).map((tool) => (tool as Anthropic.Tool).name);
    expect(names.filter((name) => name.startsWith("mcp__everything__"))).toHaveLength(13);
    expect(resultsOf(requests[1])[0]).toMatchObject({ content: `Echo: ${GREETING}`, is_error: false });
    const image = resultsOf(requests[2])[0]?.content as Anthropic.ImageBlockParam[] | undefined;
    expect(image?.some((block) => block.type === "image" && block.source.type === "base64")).toBe(true);
    const denied = resultsOf(requests[3])[0];
    expect(denied?.is_error).toBe(true);
    expect(String(denied?.content)).toContain("denied by the rule mcp__everything__get-env");

    const text = output.text();
    expect(text).toContain(`This workspace's .mcp.json configures the MCP server "everything".`);
    expect(text).toContain(`│ Allow mcp__everything__echo({"message":"${GREETING}"})?`);
    expect(text.match(/⚙ mcp: everything connected · 13 tools\n/g)).toHaveLength(1);
    expect(text).toContain("  ✓ allowed by mcp__everything__get-tiny-image in .claude/settings.json");
    expect(text).toContain("MCP servers (1)\n  everything · project (.mcp.json) · connected · 13 tools\n");
    expect(text).toContain("  mcp__everything__get-tiny-image · Returns a tiny MCP logo image.\n");
  });
});
