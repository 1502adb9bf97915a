// The one function that decides what lcc is: every chapter's tools, plus full's own, and the
// compaction settings from the environment.
import { createModelClient, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createStreamingCallModel } from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import { describe, expect, it } from "vitest";
import { createFullSetup } from "./agent-setup.ts";

async function setupWith(env: NodeJS.ProcessEnv) {
  const workspace = await createTempWorkspace();
  const config = { apiKey: "k", baseURL: "http://127.0.0.1:9", model: DEFAULT_MODEL, maxTokens: 1024 };
  const client = createModelClient(config, { maxRetries: 0 });
  const setup = createFullSetup({
    client,
    config,
    workspace: workspace.dir,
    output: process.stdout,
    env,
    callModel: createStreamingCallModel(client),
    emit: () => {},
  });
  await workspace.cleanup();
  return setup;
}

describe("createFullSetup", () => {
  it("has the tools of every integrated chapter and full's glob and grep", async () => {
    const setup = await setupWith({});
    expect(setup.tools.map((tool) => tool.name)).toEqual([
      "bash",
      "read_file",
      "write_file",
      "edit_file",
      "todo_write",
      "agent",
      "load_skill",
      "compact",
      "glob",
      "grep",
    ]);
  });

  it("takes the compaction threshold from LCC_CONTEXT_WINDOW and LCC_AUTOCOMPACT_PERCENT", async () => {
    const setup = await setupWith({ LCC_CONTEXT_WINDOW: "100000", LCC_AUTOCOMPACT_PERCENT: "50" });
    expect(setup.systemSections.join("\n")).toContain("compacted automatically near 50,000 tokens");
  });
});
