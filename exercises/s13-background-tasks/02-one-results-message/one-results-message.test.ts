// Your queue wrapper in the real s13 agent: two background commands that end while the model is busy reach its
// next call as ONE <background-results> message with both results, and a lone result is unchanged.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { type BackgroundManager, createBackgroundSetup } from "@lcc/s13";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { coalesceBackgroundResults, mergeBackgroundResults } from "./coalesce-results.ts";

const addCleanup = useCleanups();

const result = (id: string) =>
  `<background-results>\n<result id="${id}" status="completed" exit_code="0" duration="0.1 s">\ncommand: echo ${id}\noutput (last lines):\n${id}\n</result>\n</background-results>`;

/** Polls every 10 ms until `check()` holds (at most 5 s). */
async function until(check: () => boolean) {
  for (const deadline = Date.now() + 5000; !check() && Date.now() < deadline; )
    await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The text blocks of a request's last message. */
function lastTexts(request: RecordedRequest | undefined): string[] {
  const content = request?.body.messages.at(-1)?.content;
  return (Array.isArray(content) ? content : []).flatMap((block) =>
    block.type === "text" ? [block.text] : [],
  );
}

describe("mergeBackgroundResults", () => {
  it("wraps every result once, in order", () => {
    const merged = mergeBackgroundResults([result("b1"), result("b2")]);
    expect(merged.startsWith('<background-results>\n<result id="b1"')).toBe(true);
    expect(merged.endsWith("</result>\n</background-results>")).toBe(true);
    expect(merged.match(/<background-results>/g)).toHaveLength(1);
    expect(merged.indexOf('id="b1"')).toBeLessThan(merged.indexOf('id="b2"'));
  });
});

describe("background results in the agent", () => {
  it("delivers two results that waited for the same call as one message", async () => {
    let manager: BackgroundManager | undefined;
    let workspace = "";
    // Each command waits for the file "go": both are still running when the model's second call is sent.
    const command = (word: string) => `until [ -e go ]; do sleep 0.01; done; echo ${word}`;
    const agent = await startAgentTest(addCleanup, {
      async script(_request, index) {
        if (index === 0)
          return reply(
            toolUse("background_run", { command: command("one") }, "one"),
            toolUse("background_run", { command: command("two") }, "two"),
          );
        if (index > 1) return reply(text("Both finished."));
        // The model "thinks" until both commands have ended: both results wait for its next call.
        writeFileSync(join(workspace, "go"), "");
        await until(() => manager?.running() === 0);
        return reply(text("Both started."));
      },
      model: DEFAULT_MODEL,
      homePrefix: "lcc-s13-exercise-",
      async createAgent({ home, ...context }) {
        workspace = context.workspace;
        return createSessionAgent(async (setupContext) => {
          const queue = coalesceBackgroundResults(setupContext.queue);
          const setup = await createBackgroundSetup(
            { ...setupContext, queue },
            { permissions: { mode: "bypassPermissions" }, home },
          );
          manager = setup.background;
          return setup;
        }, context);
      },
    });
    await agent.run("Run two commands in the background.");
    const requests = agent.requests();
    expect(requests).toHaveLength(3);
    const texts = lastTexts(requests[2]);
    expect(texts).toHaveLength(1);
    expect(texts[0]?.match(/<background-results>/g)).toHaveLength(1);
    expect(texts[0]).toContain('<result id="b1" status="completed"');
    expect(texts[0]).toContain('<result id="b2" status="completed"');
    assertPairingInvariant(requests);
  });
});
