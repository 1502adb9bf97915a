// Notification hooks: started before a permission question reaches the user, through the chapter's session.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AskRequest } from "@lcc/chapter-kit";
import { reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS08Chapter } from "./agent.ts";
import { hookEntry, makeHome } from "./test-agent.ts";

const addCleanup = useCleanups();

describe("Notification hooks", () => {
  it("run with the question before the user is asked for permission", async () => {
    const home = await makeHome(addCleanup);
    const settings = {
      hooks: { Notification: [hookEntry('cat > "$CLAUDE_PROJECT_DIR/notified.json"', "permission_prompt")] },
    };
    const model = await startFakeModel({
      script: [reply(toolUse("write_file", { path: "a.txt", content: "x" })), reply(text("ok"))],
      files: { ".claude/settings.json": JSON.stringify(settings) },
    });
    addCleanup(model.cleanup);
    const questions: AskRequest[] = [];
    const agent = await createS08Chapter().createAgent({
      client: model.client,
      config: model.config,
      workspace: model.workspace,
      output: captureOutput(),
      env: { PATH: process.env.PATH ?? "", HOME: home },
      ask: async (request) => {
        questions.push(request);
        return request.source === "hooks"
          ? { kind: "choice", key: "y" }
          : { kind: "unavailable", reason: "test" };
      },
    });
    await agent.handleLine("write a.txt", new AbortController().signal);
    // The trust question was settled at the prompt, before the permission question.
    expect(questions.map((question) => question.source === "hooks")).toEqual([true, false]);
    const permission = questions[1];
    const path = join(model.workspace, "notified.json");
    const until = Date.now() + 5_000;
    while (!(existsSync(path) && readFileSync(path, "utf8")) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({
      hook_event_name: "Notification",
      notification_type: "permission_prompt",
      message: permission?.question,
    });
    expect(existsSync(join(model.workspace, "a.txt"))).toBe(false);
  });
});
