// End to end: the s05 agent against the fake API — the catalogue, load_skill, what was loaded, broken skills.
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL, runScenario } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createSkillSetup, s05Chapter } from "./agent.ts";
import { s05Scenario } from "./scenario.ts";

const addCleanup = useCleanups();

function toolResults(request: RecordedRequest): Anthropic.ToolResultBlockParam[] {
  const last = request.body.messages.at(-1);
  const content = Array.isArray(last?.content) ? last.content : [];
  return content.filter((block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result");
}

function systemText(request: RecordedRequest): string {
  const system = request.body.system;
  return typeof system === "string" ? system : (system ?? []).map((block) => block.text).join("\n");
}

describe("s05 skill loading, end to end", () => {
  it("runs the demo scenario: catalogue in the prompt, unknown name lists the skills, body in <skill> tags", async () => {
    const output = captureOutput();
    const run = await runScenario(s05Chapter, s05Scenario, output);
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path === "/v1/messages");
    expect(requests).toHaveLength(6);
    assertPairingInvariant(requests);

    const system = systemText(requests[0]!);
    expect(system).toContain("- code-review: Review a change, a branch or a set of files");
    expect(system).toContain("- git-commit: Create a clean git commit");
    expect(requests[0]!.body.tools?.map((tool) => ("name" in tool ? tool.name : ""))).toContain("load_skill");
    expect(systemText(requests[5]!)).toBe(system);

    const [unknown] = toolResults(requests[1]!);
    expect(unknown).toMatchObject({ is_error: true });
    expect(unknown?.content).toBe(
      'Unknown skill "review". Available skills: code-review, git-commit, write-tests. Call load_skill with one of these names.',
    );

    const [loaded] = toolResults(requests[2]!);
    expect(loaded).toMatchObject({ is_error: false });
    expect(String(loaded?.content)).toMatch(/^<skill name="code-review" path="skills\/code-review">\n/);
    expect(String(loaded?.content)).toContain("## 3. Report");
    expect(String(loaded?.content)).toMatch(/<\/skill>$/);

    const [reference] = toolResults(requests[3]!);
    expect(reference).toMatchObject({ is_error: false });
    expect(String(reference?.content)).toContain("# Review checklist");
    expect(output.text()).toContain("· Skills available: code-review, git-commit, write-tests");
  });

  it("tracks which skills were loaded (what s06 re-injects after compaction)", async () => {
    const { fake, workspace, client, config, cleanup } = await startFakeModel({
      script: [reply(toolUse("load_skill", { name: "deploy" })), reply(text("Loaded."))],
      files: {
        "skills/deploy/SKILL.md":
          "---\nname: deploy\ndescription: |\n  Ship it.\n  Carefully.\n---\nRun make deploy.\n",
        "skills/notes/SKILL.md": "---\nname: notes\ndescription: Take notes.\n---\nWrite NOTES.md.\n",
      },
      model: DEFAULT_MODEL,
    });
    addCleanup(cleanup);
    const output = captureOutput();
    const agent = await createSessionAgent(createSkillSetup, { client, config, workspace, output });
    expect(agent.setup.skills.loaded()).toEqual([]);
    await agent.handleLine("deploy please", new AbortController().signal);
    expect(agent.setup.skills.loaded().map(({ skill, body }) => [skill.name, body])).toEqual([
      ["deploy", "Run make deploy."],
    ]);
    expect(systemText(fake.messageRequests()[0]!)).toContain("- deploy: Ship it. Carefully.");
    assertPairingInvariant(fake.messageRequests());
    // A new conversation starts with nothing loaded.
    await agent.handleLine("/clear", new AbortController().signal);
    expect(agent.setup.skills.loaded()).toEqual([]);
    expect(output.text()).toContain("Started a new conversation.\n");
  });

  it("lists the skills with /skills, one per line, without asking the model", async () => {
    const { fake, workspace, client, config, cleanup } = await startFakeModel({
      script: [],
      files: {
        "skills/deploy/SKILL.md": "---\nname: deploy\ndescription: Ship it.\n---\nRun make deploy.\n",
        "skills/notes/SKILL.md": "---\nname: notes\ndescription: Take notes.\n---\nWrite NOTES.md.\n",
      },
    });
    addCleanup(cleanup);
    const output = captureOutput();
    const agent = await createSessionAgent(createSkillSetup, { client, config, workspace, output });
    await agent.handleLine("/skills", new AbortController().signal);
    expect(output.text()).toContain("  deploy — Ship it.\n  notes — Take notes.\n");
    expect(fake.messageRequests()).toHaveLength(0);
  });

  it("reports an invalid skill as a warning and keeps working with the valid ones", async () => {
    const output = captureOutput();
    const run = await runScenario(
      s05Chapter,
      {
        files: {
          "skills/good/SKILL.md": "---\nname: good\ndescription: Works.\n---\nGood body.\n",
          ".claude/skills/bad/SKILL.md": "---\nname: bad\ndescription: [oops\n---\nBad body.\n",
        },
        prompts: ["load the bad one"],
        script: [reply(toolUse("load_skill", { name: "bad" })), reply(text("It is not available."))],
      },
      output,
    );
    addCleanup(run.cleanup);
    expect(output.text()).toMatch(/⚠ Skipped \.claude\/skills\/bad\/SKILL\.md: invalid YAML frontmatter: /);
    const [result] = toolResults(run.requests[1]!);
    expect(result).toMatchObject({
      is_error: true,
      content: expect.stringContaining("Available skills: good."),
    });
    assertPairingInvariant(run.requests);
  });
});
