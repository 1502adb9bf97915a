// Your instruction-change reminder in the real s10 agent: CLAUDE.md is edited, then deleted, between
// prompts; the system prompt never changes, and each change is told once in the next user message.
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup, wrapSystemReminder } from "@lcc/s02";
import { createPromptSetup } from "@lcc/s10";
import { type RecordedRequest, reply, text } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createInstructionChangeReminder, instructionChangeText } from "./instruction-change-reminder.ts";

const addCleanup = useCleanups();

async function start(replies: number) {
  return startAgentTest(addCleanup, {
    script: Array.from({ length: replies }, () => reply(text("ok"))),
    files: { "CLAUDE.md": "Indent with tabs.\nSee @docs/style.md\n", "docs/style.md": "Short sentences.\n" },
    model: DEFAULT_MODEL,
    homePrefix: "lcc-exercise-home-",
    createAgent: ({ home, ...context }) =>
      createSessionAgent(async (setup) => {
        const base = await createPromptSetup(setup, { permissions: { mode: "acceptEdits" }, home });
        const reminder = createInstructionChangeReminder(base.prompt.instructionFiles, setup.workspace);
        return extendSetup(base, { hooks: [reminder] });
      }, context),
  });
}

/** The texts of a request's last user message after the prompt itself. */
function addedTexts(request: RecordedRequest | undefined): string[] {
  const content = request?.body.messages.at(-1)?.content as string | Anthropic.TextBlockParam[];
  return typeof content === "string" ? [] : content.slice(1).map((block) => block.text);
}

describe("the instruction-change reminder", () => {
  it("tells the model once that CLAUDE.md changed, and what it says now", async () => {
    const agent = await start(3);
    await agent.run("Format main.ts.");
    await writeFile(join(agent.workspace, "CLAUDE.md"), "Indent with two spaces.\n");
    await agent.run("Format it again.");
    await agent.run("And util.ts.");
    const [first, second, third] = agent.requests();
    expect(addedTexts(first)).toEqual([]);
    expect(addedTexts(second)).toEqual([
      wrapSystemReminder(instructionChangeText("CLAUDE.md", "Indent with two spaces.\n")),
    ]);
    expect(addedTexts(third)).toEqual([]);
    expect(second?.body.system).toEqual(first?.body.system);
    expect(third?.body.system).toEqual(first?.body.system);
  });

  it("says a deleted file no longer applies, and leaves files that did not change alone", async () => {
    const agent = await start(2);
    await agent.run("Write the README.");
    await rm(join(agent.workspace, "CLAUDE.md"));
    await agent.run("Now the changelog.");
    const [first, second] = agent.requests();
    expect(JSON.stringify(first?.body.system)).toContain("Short sentences.");
    expect(addedTexts(second)).toEqual([wrapSystemReminder(instructionChangeText("CLAUDE.md", undefined))]);
  });
});
