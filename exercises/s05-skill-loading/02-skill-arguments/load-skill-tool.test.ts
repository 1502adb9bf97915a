// load_skill with arguments in the real s05 agent (its own load_skill replaced by this file's) against the
// fake API: the schema the model sees, $ARGUMENTS filled in, arguments appended where there is no placeholder.
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { createSkillSetup } from "@lcc/s05";
import { assertPairingInvariant, type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createLoadSkillTool } from "./load-skill-tool.ts";

const addCleanup = useCleanups();

const SKILLS = {
  "skills/deploy/SKILL.md":
    "---\nname: deploy\ndescription: Deploy the app.\n---\nRun `make deploy ENV=$ARGUMENTS`, then check $ARGUMENTS is up.\n",
  "skills/review/SKILL.md": "---\nname: review\ndescription: Review a change.\n---\nRead the diff first.\n",
};

/** Runs one prompt through the s05 agent whose load_skill is this exercise's; returns the requests. */
async function run(script: FakeReply[]) {
  const model = await startFakeModel({ script, files: SKILLS, model: DEFAULT_MODEL });
  addCleanup(model.cleanup);
  const agent = await createSessionAgent(
    (context) => {
      const setup = createSkillSetup(context);
      const tools = setup.tools.map((tool) =>
        tool.name === "load_skill" ? createLoadSkillTool(setup.skills) : tool,
      );
      return { ...setup, tools };
    },
    { client: model.client, config: model.config, workspace: model.workspace, output: captureOutput() },
  );
  await agent.handleLine("Go.", new AbortController().signal);
  const requests = model.fake.messageRequests();
  assertPairingInvariant(requests);
  const results = requests.slice(1).map((request) => {
    const last = request.body.messages.at(-1)?.content as Anthropic.ToolResultBlockParam[];
    return String(last.find((block) => block.type === "tool_result")?.content);
  });
  return { requests, results };
}

describe("load_skill with arguments", () => {
  it("offers the model an optional arguments field next to name", async () => {
    const { requests } = await run([reply(text("Nothing to do."))]);
    const tool = (requests[0]!.body.tools as Anthropic.Tool[]).find((entry) => entry.name === "load_skill")!;
    expect(tool.input_schema.properties).toHaveProperty("arguments");
    expect(tool.input_schema.required).toEqual(["name"]);
  });

  it("fills every $ARGUMENTS in the body with the arguments", async () => {
    const { results } = await run([
      reply(toolUse("load_skill", { name: "deploy", arguments: "staging" })),
      reply(text("Deploying.")),
    ]);
    expect(results[0]).toContain("Run `make deploy ENV=staging`, then check staging is up.");
    expect(results[0]).not.toContain("$ARGUMENTS");
  });

  it("appends ARGUMENTS: … to a body without the placeholder, and leaves a body loaded without arguments as written", async () => {
    const { results } = await run([
      reply(toolUse("load_skill", { name: "review", arguments: "src/app.ts" })),
      reply(toolUse("load_skill", { name: "deploy" })),
      reply(text("Reviewing.")),
    ]);
    expect(results[0]).toMatch(/Read the diff first\.\n\nARGUMENTS: src\/app\.ts\n<\/skill>$/);
    expect(results[1]).toContain("Run `make deploy ENV=$ARGUMENTS`, then check $ARGUMENTS is up.");
  });
});
