// UserPromptSubmit and SessionStart hooks end to end: context joins the prompt, a block ends the turn
// without a model request and takes the prompt out of the history.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { hookEntry, testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

function userTexts(message: { content: unknown } | undefined): string[] {
  if (!message) return [];
  if (typeof message.content === "string") return [message.content];
  return (message.content as Array<{ type: string; text?: string }>).flatMap((block) =>
    block.type === "text" && block.text ? [block.text] : [],
  );
}

describe("UserPromptSubmit hooks", () => {
  it("get the prompt on stdin; plain stdout and additionalContext join the prompt as system-reminders", async () => {
    const json = `cat >/dev/null; echo '{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"branch: main"}}'`;
    const session = await start({
      script: [reply(text("ok"))],
      hooks: {
        UserPromptSubmit: [
          hookEntry('cat > "$CLAUDE_PROJECT_DIR/prompt.json"; echo "today is Friday"'),
          hookEntry(json),
        ],
      },
    });
    await session.run("what day is it?");
    const input = JSON.parse(readFileSync(join(session.workspace, "prompt.json"), "utf8"));
    expect(input).toMatchObject({ hook_event_name: "UserPromptSubmit", prompt: "what day is it?" });
    const texts = userTexts(session.requests()[0]?.body.messages[0]);
    expect(texts[0]).toBe("what day is it?");
    expect(texts[1]).toContain("today is Friday");
    expect(texts[1]).toContain("branch: main");
    expect(texts[1]).toMatch(/^<system-reminder>/);
  });

  it("exit 2 blocks the prompt: no model request, the prompt leaves the history, the user sees why", async () => {
    const session = await start({
      script: [reply(text("first answer")), reply(text("second answer"))],
      hooks: {
        UserPromptSubmit: [
          hookEntry("grep -q secret && { echo 'prompts must not contain secrets' >&2; exit 2; }; exit 0"),
        ],
      },
    });
    await session.run("hello");
    await session.run("my secret is 1234");
    expect(session.requests()).toHaveLength(1);
    expect(session.agent.state.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(JSON.stringify(session.agent.state.messages)).not.toContain("1234");
    expect(session.output()).toContain("prompts must not contain secrets");
    await session.run("next question");
    const requests = session.requests();
    expect(requests).toHaveLength(2);
    expect(userTexts(requests[1]?.body.messages.at(-1))).toEqual(["next question"]);
  });

  it("a decision block in JSON blocks the prompt too; exit 1 only warns", async () => {
    const block = `cat >/dev/null; echo '{"decision":"block","reason":"not during the freeze"}'`;
    const blocked = await start({
      script: [reply(text("never"))],
      hooks: { UserPromptSubmit: [hookEntry(block)] },
    });
    await blocked.run("deploy");
    expect(blocked.requests()).toHaveLength(0);
    expect(blocked.output()).toContain("not during the freeze");

    const failing = await start({
      script: [reply(text("answered"))],
      hooks: { UserPromptSubmit: [hookEntry("cat >/dev/null; exit 1")] },
    });
    await failing.run("deploy");
    expect(failing.requests()).toHaveLength(1);
    expect(failing.output()).toContain("⚠ hook UserPromptSubmit failed (not blocking)");
  });
});

describe("SessionStart hooks", () => {
  it("run once, before the first prompt, and their stdout becomes context", async () => {
    const session = await start({
      script: [reply(text("one")), reply(text("two"))],
      hooks: {
        SessionStart: [
          hookEntry('cat >> "$CLAUDE_PROJECT_DIR/starts.log"; echo; echo "open issues: 3"', "startup"),
        ],
      },
    });
    await session.run("first");
    await session.run("second");
    const log = readFileSync(join(session.workspace, "starts.log"), "utf8").trim().split("\n");
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0] ?? "{}")).toMatchObject({ hook_event_name: "SessionStart", source: "startup" });
    const requests = session.requests();
    expect(userTexts(requests[0]?.body.messages[0]).join("\n")).toContain("open issues: 3");
    expect(userTexts(requests[1]?.body.messages.at(-1))).toEqual(["second"]);
  });
});
