// s02/01: the list_dir tool registered in s02's real session agent, driven through the fake Messages API:
// what the model sees, what it reads back, and how bad calls are answered.
import type Anthropic from "@anthropic-ai/sdk";
import { createSessionAgent, createToolUseSetup, extendSetup } from "@lcc/s02";
import { assertPairingInvariant, reply, type Script, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createListDirTool } from "./list-dir-tool.ts";

const addCleanup = useCleanups();

const files = { "README.md": "# demo\n", "src/app.js": "console.log(1);\n", "src/lib/util.js": "\n" };

/** s02's agent (bash, read_file, write_file, edit_file) plus list_dir, on a workspace holding `files`. */
async function setup(script: Script) {
  const { fake, client, config, workspace, cleanup } = await startFakeModel({ script, files });
  addCleanup(cleanup);
  const agent = await createSessionAgent(
    (context) => extendSetup(createToolUseSetup(context), { tools: [createListDirTool()] }),
    { client, config, workspace, output: captureOutput() },
    { print: false },
  );
  await agent.runTurn("what is in this project?", new AbortController().signal);
  const requests = fake.messageRequests();
  assertPairingInvariant(requests);
  /** The tool results the model read in request `index`. */
  const resultsOf = (index: number) =>
    (requests[index]!.body.messages.at(-1)!.content as Anthropic.ContentBlockParam[]).filter(
      (block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result",
    );
  return { requests, resultsOf };
}

describe("s02 list_dir tool", () => {
  it("is offered to the model with a described path field, and marked read-only", async () => {
    const { requests } = await setup([reply(text("ok"))]);
    const tool = (requests[0]!.body.tools as Anthropic.Tool[]).find((each) => each.name === "list_dir");
    expect(tool?.description).toMatch(/folder/i);
    expect(tool?.input_schema.properties).toMatchObject({ path: { type: "string" } });
    expect(JSON.stringify(tool?.input_schema.properties)).toContain("relative to the workspace");
    // explore subagents (s04) and plan mode (s07) only get read-only tools.
    expect(createListDirTool().readOnly).toBe(true);
  });

  it("lists a folder sorted, sub-folders ending in /, the workspace itself when no path is given", async () => {
    const { resultsOf } = await setup([
      reply(toolUse("list_dir", {}, "root"), toolUse("list_dir", { path: "src" }, "src")),
      reply(text("A README and an app.")),
    ]);
    expect(resultsOf(1)).toEqual([
      { type: "tool_result", tool_use_id: "root", content: "README.md\nsrc/", is_error: false },
      { type: "tool_result", tool_use_id: "src", content: "app.js\nlib/", is_error: false },
    ]);
  });

  it("refuses a path outside the workspace, a file and a missing folder, saying what to do instead", async () => {
    const { resultsOf } = await setup([
      reply(
        toolUse("list_dir", { path: ".." }, "outside"),
        toolUse("list_dir", { path: "README.md" }, "file"),
        toolUse("list_dir", { path: "docs" }, "missing"),
      ),
      reply(text("ok")),
    ]);
    const [outside, file, missing] = resultsOf(1);
    expect(outside).toMatchObject({
      is_error: true,
      content: expect.stringContaining("outside the workspace"),
    });
    expect(file).toMatchObject({ is_error: true, content: expect.stringContaining("read_file") });
    expect(missing).toMatchObject({ is_error: true, content: expect.stringContaining("does not exist") });
  });
});
