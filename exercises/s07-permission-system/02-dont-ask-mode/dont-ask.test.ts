// dontAsk mode through the real s07 agent and the fake API: what would need a question is refused with the
// rule that would allow it, nobody is asked, and allowed or read-only calls still run.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { type AskRequest, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup } from "@lcc/s02";
import { createPermissionSetup, type PermissionOptions } from "@lcc/s07";
import { assertPairingInvariant, type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createDontAskCheck } from "./dont-ask.ts";

const addCleanup = useCleanups();

/** The s07 agent with the check; a user who would say yes to everything, and every question recorded. */
async function start(script: FakeReply[], options: Partial<PermissionOptions> = {}) {
  const model = await startFakeModel({ script, files: { "README.md": "# demo\n" }, model: DEFAULT_MODEL });
  addCleanup(model.cleanup);
  const questions: AskRequest[] = [];
  const agent = await createSessionAgent(
    (context) => {
      const setup = createPermissionSetup(context, options);
      const check = createDontAskCheck(setup.permissions);
      return extendSetup(setup, { hooks: [check], childHooks: [check] });
    },
    {
      client: model.client,
      config: model.config,
      workspace: model.workspace,
      output: captureOutput(),
      ask: async (request) => {
        questions.push(request);
        return { kind: "choice", key: "y" };
      },
    },
  );
  await agent.handleLine("Do the work.", new AbortController().signal);
  const requests = model.fake.messageRequests();
  assertPairingInvariant(requests);
  const results = requests.slice(1).map((request) => {
    const last = request.body.messages.at(-1)?.content as Anthropic.ToolResultBlockParam[];
    return last.find((block) => block.type === "tool_result")!;
  });
  return { workspace: model.workspace, questions, results };
}

describe("dontAsk mode", () => {
  it("refuses a command no rule allows without asking, and names the rule that would allow it", async () => {
    const session = await start([
      reply(toolUse("bash", { command: "touch made-by-model.txt" })),
      reply(text("I could not create it.")),
    ]);
    expect(session.questions).toEqual([]);
    expect(existsSync(join(session.workspace, "made-by-model.txt"))).toBe(false);
    expect(session.results[0]!.is_error).toBe(true);
    expect(String(session.results[0]!.content)).toContain("dontAsk");
    expect(String(session.results[0]!.content)).toContain("Bash(touch made-by-model.txt)");
  });

  it("refuses a file write in default mode, with the Edit rule for its folder", async () => {
    const session = await start([
      reply(toolUse("write_file", { path: "src/notes.md", content: "hi\n" })),
      reply(text("Not written.")),
    ]);
    expect(session.questions).toEqual([]);
    expect(existsSync(join(session.workspace, "src", "notes.md"))).toBe(false);
    expect(String(session.results[0]!.content)).toMatch(/dontAsk.*Edit\(/s);
  });

  it("still runs what an allow rule, a mode or the read-only set allows", async () => {
    const session = await start(
      [
        reply(toolUse("bash", { command: "echo built > out.txt" })),
        reply(toolUse("write_file", { path: "notes.md", content: "hi\n" })),
        reply(toolUse("bash", { command: "cat README.md" })),
        reply(text("Done.")),
      ],
      { mode: "acceptEdits", allowedTools: ["Bash(echo built:*)"] },
    );
    expect(session.questions).toEqual([]);
    expect(session.results.map((result) => result.is_error)).toEqual([false, false, false]);
    expect(existsSync(join(session.workspace, "out.txt"))).toBe(true);
    expect(existsSync(join(session.workspace, "notes.md"))).toBe(true);
    expect(String(session.results[2]!.content)).toContain("# demo");
  });
});
