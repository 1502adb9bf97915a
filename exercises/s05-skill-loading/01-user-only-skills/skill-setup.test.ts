// User-only skills through the real s05 agent and the fake API: hidden from the model's catalogue and from
// load_skill, started by the user with /<name>, and still remembered as loaded.
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import {
  assertPairingInvariant,
  type FakeReply,
  type RecordedRequest,
  reply,
  text,
  toolUse,
} from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createSkillSetup } from "./skill-setup.ts";

const addCleanup = useCleanups();

const SKILLS = {
  "skills/deploy/SKILL.md":
    "---\nname: deploy\ndescription: Deploy the app to an environment.\ndisable-model-invocation: true\n---\nRun make deploy ENV=<environment>.\n",
  "skills/notes/SKILL.md": "---\nname: notes\ndescription: Take meeting notes.\n---\nWrite NOTES.md.\n",
};

async function start(script: FakeReply[]) {
  const model = await startFakeModel({ script, files: SKILLS, model: DEFAULT_MODEL });
  addCleanup(model.cleanup);
  const output = captureOutput();
  const agent = await createSessionAgent(createSkillSetup, {
    client: model.client,
    config: model.config,
    workspace: model.workspace,
    output,
  });
  const run = (line: string) => agent.handleLine(line, new AbortController().signal);
  return { agent, run, output, requests: () => model.fake.messageRequests() };
}

function systemText(request: RecordedRequest): string {
  const system = request.body.system;
  return typeof system === "string" ? system : (system ?? []).map((block) => block.text).join("\n");
}

function lastUserText(request: RecordedRequest): string {
  const content = request.body.messages.at(-1)?.content;
  if (typeof content === "string") return content;
  return (content as Anthropic.ContentBlockParam[])
    .map((block) =>
      block.type === "text" ? block.text : block.type === "tool_result" ? String(block.content) : "",
    )
    .join("\n");
}

describe("user-only skills", () => {
  it("keeps a disable-model-invocation skill out of the catalogue and out of load_skill's reach", async () => {
    const session = await start([
      reply(toolUse("load_skill", { name: "deploy" })),
      reply(toolUse("load_skill", { name: "notes" })),
      reply(text("Notes it is.")),
    ]);
    await session.run("Ship it to staging.");
    const requests = session.requests();
    expect(systemText(requests[0]!)).toContain("- notes: Take meeting notes.");
    expect(systemText(requests[0]!)).not.toContain("deploy");
    expect(lastUserText(requests[1]!)).toContain('Unknown skill "deploy". Available skills: notes.');
    expect(lastUserText(requests[2]!)).toContain('<skill name="notes" path="skills/notes">');
    expect(session.agent.setup.skills.loaded().map(({ skill }) => skill.name)).toEqual(["notes"]);
    assertPairingInvariant(requests);
  });

  it("runs /deploy <request> as a turn that starts with the skill's body, and remembers it as loaded", async () => {
    const session = await start([reply(text("Deploying to staging."))]);
    await session.run("/deploy to staging, please");
    const requests = session.requests();
    expect(requests).toHaveLength(1);
    const prompt = lastUserText(requests[0]!);
    expect(prompt).toMatch(/^<skill name="deploy" path="skills\/deploy">/);
    expect(prompt).toContain("Run make deploy ENV=<environment>.");
    expect(prompt).toContain("to staging, please");
    expect(session.agent.setup.skills.loaded().map(({ skill }) => skill.name)).toEqual(["deploy"]);
    assertPairingInvariant(requests);
  });

  it("still lists every skill for the user in /skills and names /deploy in /help", async () => {
    const session = await start([]);
    await session.run("/skills");
    await session.run("/help");
    expect(session.output.text()).toContain(
      "  deploy — Deploy the app to an environment.\n  notes — Take meeting notes.\n",
    );
    expect(session.output.text()).toMatch(/^\s*\/deploy\b/m);
    expect(session.requests()).toHaveLength(0);
  });
});
