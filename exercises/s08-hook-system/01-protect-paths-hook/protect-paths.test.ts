// The protect-paths hook in the real s08 agent: registered in the workspace's .claude/settings.json, run as a
// child process for each Write/Edit call the fake model makes.
import { existsSync, readFileSync } from "node:fs";
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
const HOOK = join(import.meta.dirname, "protect-paths.mjs");

/** The s08 agent (edits run without a question) with the hook on Write|Edit; runs one prompt. */
async function run(calls: Array<[string, Record<string, unknown>]>) {
  const script: FakeReply[] = [
    ...calls.map(([name, input]) => reply(toolUse(name, input))),
    reply(text("Done.")),
  ];
  const settings = {
    hooks: {
      PreToolUse: [{ matcher: "Write|Edit", hooks: [{ type: "command", command: `node "${HOOK}"` }] }],
    },
  };
  const model = await startFakeModel({
    script,
    files: { ".claude/settings.json": JSON.stringify(settings), ".env": "API_KEY=secret\n" },
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
  const results = requests.slice(1).map((request) => {
    const last = request.body.messages.at(-1)?.content as Anthropic.ToolResultBlockParam[];
    return last.find((block) => block.type === "tool_result")!;
  });
  return { workspace: model.workspace, results };
}

describe("the protect-paths PreToolUse hook", () => {
  it("denies a write under migrations/ and tells the model why", async () => {
    const session = await run([
      ["write_file", { path: "migrations/002_users.sql", content: "DROP TABLE users;\n" }],
    ]);
    expect(existsSync(join(session.workspace, "migrations", "002_users.sql"))).toBe(false);
    expect(session.results[0]).toMatchObject({ is_error: true });
    expect(String(session.results[0]!.content)).toContain("migrations/002_users.sql is protected");
  });

  it("denies an edit of .env, a .env.local in a subfolder, and a path that only looks elsewhere", async () => {
    const session = await run([
      ["edit_file", { path: ".env", old_text: "secret", new_text: "leaked" }],
      ["write_file", { path: "config/.env.local", content: "X=1\n" }],
      ["write_file", { path: "./notes/../migrations/003.sql", content: "--\n" }],
    ]);
    expect(readFileSync(join(session.workspace, ".env"), "utf8")).toBe("API_KEY=secret\n");
    expect(existsSync(join(session.workspace, "config", ".env.local"))).toBe(false);
    expect(existsSync(join(session.workspace, "migrations", "003.sql"))).toBe(false);
    expect(session.results.slice(0, 3).map((result) => result.is_error)).toEqual([true, true, true]);
    expect(String(session.results[2]!.content)).toContain("migrations/003.sql is protected");
  });

  it("lets every other write through, a file merely named like a protected one included", async () => {
    const session = await run([
      ["write_file", { path: "src/env.ts", content: "export const env = {};\n" }],
      ["write_file", { path: "notes/migrations.md", content: "# How we migrate\n" }],
    ]);
    expect(session.results.map((result) => result.is_error)).toEqual([false, false]);
    expect(existsSync(join(session.workspace, "src", "env.ts"))).toBe(true);
    expect(existsSync(join(session.workspace, "notes", "migrations.md"))).toBe(true);
  });
});
