// s12 in lcc: eight `lcc -p` processes started at once in one workspace each create a task, and get
// eight distinct ids, eight whole files.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace, type RecordedRequest, reply, startFakeApi, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

/** The text of the request's last user message (the prompt, or the tool results that answer a call). */
function lastUserText(request: RecordedRequest): string {
  const content = request.body.messages?.at(-1)?.content ?? "";
  if (typeof content === "string") return content;
  return content
    .map((block) => (block.type === "text" ? block.text : block.type === "tool_result" ? "(result)" : ""))
    .join("");
}

describe("lcc -p with the task graph (s12)", () => {
  it("gives 8 concurrent processes creating a task each 8 distinct ids", { timeout: 120_000 }, async () => {
    const workspace = await createTempWorkspace();
    // Each process's model creates one task named after its prompt, then answers.
    const fake = await startFakeApi({
      script: (request) => {
        const prompt = lastUserText(request);
        if (prompt.includes("(result)")) return reply(text("Created."));
        return reply(toolUse("task_create", { subject: prompt.trim() }));
      },
    });
    addCleanup(workspace.cleanup, () => fake.close());
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        runLcc({
          args: ["-p", `task number ${index + 1}`],
          cwd: workspace.dir,
          baseURL: fake.baseURL,
          timeoutMs: 100_000,
        }),
      ),
    );
    for (const run of runs) expect(run.stderr).toBe("");
    expect(runs.map((run) => run.code)).toEqual(Array(8).fill(EXIT_CODES.success));
    const dir = join(workspace.dir, ".lcc", "tasks");
    const files = readdirSync(dir).filter((name) => /^\d+\.json$/.test(name));
    const tasks = files.map(
      (name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as { id: number; subject: string },
    );
    expect(tasks.map((task) => task.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(tasks.map((task) => task.subject).sort()).toEqual(
      Array.from({ length: 8 }, (_, index) => `task number ${index + 1}`).sort(),
    );
  });
});
