// The check-json hook in the real s08 agent: registered as a PostToolUse hook in .claude/settings.json, its
// feedback reaches the model in the next request, after the tool's result, as a <system-reminder>.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { createHookSetup } from "@lcc/s08";
import { assertPairingInvariant, type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";

const addCleanup = useCleanups();
const HOOK = join(import.meta.dirname, "check-json.mjs");

/** The s08 agent (edits run without a question) with the hook after Write|Edit; runs one prompt. */
async function run(calls: Array<[string, Record<string, unknown>]>) {
  const script: FakeReply[] = [
    ...calls.map(([name, input]) => reply(toolUse(name, input))),
    reply(text("Done.")),
  ];
  const settings = {
    hooks: {
      PostToolUse: [{ matcher: "Write|Edit", hooks: [{ type: "command", command: `node "${HOOK}"` }] }],
    },
  };
  const model = await startFakeModel({
    script,
    files: { ".claude/settings.json": JSON.stringify(settings), "package.json": '{ "name": "demo" }\n' },
    model: DEFAULT_MODEL,
  });
  addCleanup(model.cleanup);
  const home = await mkdtemp(join(tmpdir(), "lcc-exercise-home-"));
  addCleanup(() => rm(home, { recursive: true, force: true }));
  const agent = await createSessionAgent(
    (context) => createHookSetup(context, { permissions: { mode: "acceptEdits" } }),
    {
      client: model.client,
      config: model.config,
      workspace: model.workspace,
      output: captureOutput(),
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, LCC_HOME: join(model.workspace, ".lcc") },
    },
  );
  await agent.handleLine("Make the changes.", new AbortController().signal);
  const requests = model.fake.messageRequests();
  assertPairingInvariant(requests);
  /** For each call: what the model read after it — its result, and the text blocks that came with it. */
  const rounds = requests.slice(1).map((request) => {
    const blocks = request.body.messages.at(-1)?.content as Anthropic.ContentBlockParam[];
    const result = blocks.find((block) => block.type === "tool_result")!;
    const texts = blocks.flatMap((block) => (block.type === "text" ? [block.text] : []));
    return { result, reminder: texts.join("\n") };
  });
  return { workspace: model.workspace, rounds };
}

describe("the check-json PostToolUse hook", () => {
  it("tells the model, after the write, that the JSON it wrote does not parse", async () => {
    const session = await run([["write_file", { path: "config.json", content: '{ "port": 80, }\n' }]]);
    const [round] = session.rounds;
    expect(round!.result.is_error).toBe(false);
    expect(readFileSync(join(session.workspace, "config.json"), "utf8")).toBe('{ "port": 80, }\n');
    expect(round!.reminder).toMatch(/^<system-reminder>\nPostToolUse hook additional context: /);
    expect(round!.reminder).toContain("config.json is not valid JSON");
  });

  it("checks an edit that breaks a file, and stays quiet once it is fixed", async () => {
    const session = await run([
      ["edit_file", { path: "package.json", old_text: '"demo"', new_text: "demo" }],
      ["edit_file", { path: "package.json", old_text: "demo", new_text: '"demo"' }],
    ]);
    expect(session.rounds[0]!.reminder).toContain("package.json is not valid JSON");
    expect(session.rounds[1]!.reminder).toBe("");
  });

  it("says nothing about valid JSON, nor about files that are not .json", async () => {
    const session = await run([
      ["write_file", { path: "data/ok.json", content: '{ "ok": true }\n' }],
      ["write_file", { path: "notes.txt", content: "{ not json\n" }],
    ]);
    expect(session.rounds.map((round) => [round.result.is_error, round.reminder])).toEqual([
      [false, ""],
      [false, ""],
    ]);
  });
});
