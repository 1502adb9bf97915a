// Your changelog_add in the real s20 session as a deferred tool (the `deferredTools` seam): left out of the
// request, named by tool_search's description, found by the words the model searches, and called through
// use_tool under its own name (its allow rule applies).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { createRouterSetup } from "@lcc/s20";
import { reply, type Script, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createChangelogTool } from "./changelog-tool.ts";

const addCleanup = useCleanups();

/** The s20 session with your tool deferred; changelog_add allowed by name (no terminal answers a question). */
async function start(script: Script, files: Record<string, string> = {}) {
  const session = await startAgentTest(addCleanup, {
    script,
    files,
    model: DEFAULT_MODEL,
    homePrefix: "lcc-exercise-s20-",
    createAgent: ({ home, ...context }) =>
      createSessionAgent(
        (setup) =>
          createRouterSetup(setup, {
            home,
            deferredTools: () => [createChangelogTool()],
            permissions: { mode: "acceptEdits", allowedTools: ["changelog_add"] },
          }),
        context,
      ),
  });
  const resultOf = (index: number, id: string) => {
    const content = session.requests()[index]?.body.messages.at(-1)?.content;
    const block = (Array.isArray(content) ? content : []).find(
      (entry) => entry.type === "tool_result" && entry.tool_use_id === id,
    );
    return block?.type === "tool_result"
      ? { content: String(block.content), isError: block.is_error }
      : undefined;
  };
  return { ...session, resultOf };
}

/** The workspace's CHANGELOG.md, or a line saying there is none. */
const changelogOf = (workspace: string) =>
  readFile(join(workspace, "CHANGELOG.md"), "utf8").catch(() => "(no CHANGELOG.md)");

describe("changelog_add, deferred", () => {
  it("is found by the words the model searches, and adds the entry through use_tool", async () => {
    const session = await start(
      [
        reply(
          toolUse("tool_search", { query: "release notes" }, "notes"),
          toolUse("tool_search", { query: "changelog entry" }, "entry"),
        ),
        reply(
          toolUse("use_tool", { name: "changelog_add", input: { entry: "Reads run in parallel." } }, "add"),
        ),
        reply(text("Recorded for the next release.")),
      ],
      { "CHANGELOG.md": "# Changelog\n\n## Unreleased\n\n- Faster start.\n\n## 1.0.0\n\n- First release.\n" },
    );
    await session.run("Note in the release notes that reads run in parallel.");

    const tools = (session.requests()[0]?.body.tools ?? []) as Anthropic.Tool[];
    expect(tools.map((tool) => tool.name)).not.toContain("changelog_add");
    expect(tools.find((tool) => tool.name === "tool_search")?.description).toContain("changelog_add");
    for (const id of ["notes", "entry"])
      expect(session.resultOf(1, id)?.content.split("\n")[0], `tool_search ${id}`).toBe("## changelog_add");
    expect(session.resultOf(2, "add")?.isError).toBe(false);
    expect(await changelogOf(session.workspace)).toBe(
      "# Changelog\n\n## Unreleased\n\n- Reads run in parallel.\n- Faster start.\n\n## 1.0.0\n\n- First release.\n",
    );
  });

  it("makes CHANGELOG.md and its Unreleased heading when the workspace has none", async () => {
    const session = await start([
      reply(toolUse("use_tool", { name: "changelog_add", input: { entry: "First entry." } }, "add")),
      reply(text("Started the changelog.")),
    ]);
    await session.run("Start a changelog.");
    expect(session.resultOf(1, "add")?.isError).toBe(false);
    expect(await changelogOf(session.workspace)).toBe("## Unreleased\n\n- First entry.\n");
  });
});
