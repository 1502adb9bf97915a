// s02/02: the protect-files hook in s02's real session agent, driven through the fake Messages API:
// denied calls never run and the model reads why; other writes and all reads go through.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { type AgentEvent, createSessionAgent, createToolUseSetup, extendSetup } from "@lcc/s02";
import { assertPairingInvariant, reply, type Script, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createProtectFilesHook, PROTECT_FILES_SOURCE } from "./protect-files.ts";

const addCleanup = useCleanups();

const files = {
  ".env": "API_KEY=secret\n",
  "config/.env.local": "DEBUG=1\n",
  ".git/config": "[core]\n",
  "src/app.js": "console.log(1);\n",
};

/** s02's agent with the hook in its setup; runs one prompt with `script` and returns what happened. */
async function setup(script: Script) {
  const { fake, client, config, workspace, cleanup } = await startFakeModel({ script, files });
  addCleanup(cleanup);
  const agent = await createSessionAgent(
    (context) => extendSetup(createToolUseSetup(context), { hooks: [createProtectFilesHook()] }),
    { client, config, workspace, output: captureOutput() },
    { print: false },
  );
  const events: AgentEvent[] = [];
  agent.subscribe((event) => events.push(event));
  await agent.runTurn("tidy up the project", new AbortController().signal);
  const requests = fake.messageRequests();
  assertPairingInvariant(requests);
  const results = (requests[1]!.body.messages.at(-1)!.content as Anthropic.ContentBlockParam[]).filter(
    (block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result",
  );
  const read = (path: string) => readFile(join(workspace, path), "utf8");
  return { events, results, read };
}

describe("s02 protect-files hook", () => {
  it("denies write_file to .env: the file stays as it was and the model reads why", async () => {
    const { events, results, read } = await setup([
      reply(toolUse("write_file", { path: ".env", content: "API_KEY=\n" }, "w1")),
      reply(text("I left .env alone.")),
    ]);
    expect(await read(".env")).toBe("API_KEY=secret\n");
    expect(results[0]).toMatchObject({ tool_use_id: "w1", is_error: true });
    expect(String(results[0]!.content)).toContain(".env is protected");
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "tool_decision",
        phase: "pre_tool_use",
        decision: "deny",
        source: PROTECT_FILES_SOURCE,
      }),
    );
  });

  it("judges the path as it resolves: src/../.env, .env/, ./.git/config and a nested .env.local", async () => {
    const { results, read } = await setup([
      reply(
        toolUse("write_file", { path: "src/../.env", content: "x\n" }),
        toolUse("write_file", { path: ".env/", content: "y\n" }),
        toolUse("edit_file", { path: "./.git/config", old_text: "[core]", new_text: "[evil]" }),
        toolUse("edit_file", { path: "config/.env.local", old_text: "1", new_text: "0" }),
      ),
      reply(text("ok")),
    ]);
    expect(results.map((result) => result.is_error)).toEqual([true, true, true, true]);
    expect(await read(".env")).toBe("API_KEY=secret\n");
    expect(await read(".git/config")).toBe("[core]\n");
    expect(await read("config/.env.local")).toBe("DEBUG=1\n");
  });

  it("lets other writes and every read through", async () => {
    const { results, read } = await setup([
      reply(
        toolUse("write_file", { path: "src/app.js", content: "console.log(2);\n" }),
        toolUse("write_file", { path: "notes/setup.env.md", content: "# env\n" }),
        toolUse("write_file", { path: ".github/ci.yml", content: "on: push\n" }),
        toolUse("read_file", { path: ".env" }),
      ),
      reply(text("ok")),
    ]);
    expect(results.map((result) => result.is_error)).toEqual([false, false, false, false]);
    expect(await read("src/app.js")).toBe("console.log(2);\n");
    expect(String(results[3]!.content)).toContain("API_KEY=secret");
  });
});
