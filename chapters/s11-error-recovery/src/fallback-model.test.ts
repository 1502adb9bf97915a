// The optional fallback model: after 3 overloads in a row the retries, and the rest of the prompt's
// rounds, go to it; the next prompt tries the session's own model again.
import type { AgentEvent } from "@lcc/s02";
import { faults, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { expectEachMessageOnce } from "./history-checks.ts";
import { testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

function retries(events: AgentEvent[]) {
  return events.flatMap((event) => (event.type === "model_retry" ? [event] : []));
}

describe("the fallback model", () => {
  it("after 3 overloads in a row retries with the fallback model until the prompt is done", async () => {
    const session = await start({
      script: [
        faults.overloaded(),
        faults.overloaded(),
        faults.overloaded(),
        faults.overloaded(),
        reply(toolUse("list_files", {})),
        reply(text("From the fallback.")),
        reply(text("From the primary again.")),
      ],
      options: { fallbackModel: "claude-fallback" },
    });

    await session.run("First.");
    await session.run("Second.");

    const models = session.requests().map((request) => request.body.model);
    expect(models.slice(0, 3)).toEqual(Array(3).fill(models[0]));
    // The fourth attempt and the next round of the same prompt go to the fallback; the next prompt does not.
    expect(models.slice(3)).toEqual(["claude-fallback", "claude-fallback", "claude-fallback", models[0]]);
    expect(models[0]).not.toBe("claude-fallback");
    expect(retries(session.events).map((event) => event.model)).toEqual([
      undefined,
      undefined,
      "claude-fallback",
      "claude-fallback",
    ]);
    expect(session.output()).toContain("retrying with the fallback model claude-fallback");
    expect(session.output()).toContain("overloaded, retry 3/6 with claude-fallback in 4 s");
    expectEachMessageOnce(session.agent.state.messages);
  });
});
