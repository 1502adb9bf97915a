// EXERCISE (s20 02): `changelog_add {entry}`, a tool most sessions never call: it stays out of every request
// (deferred) and the model finds it with tool_search, so its description must carry the words it is searched by.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { defineTool } from "@lcc/s02";
import { z } from "zod";

/** The heading new entries go under. */
export const UNRELEASED_HEADING = "## Unreleased";

/**
 * `changelog_add {entry}`: adds `- <entry>` as the first line under `## Unreleased` in the workspace's
 * CHANGELOG.md (the heading, and the file, made when missing). Its description names what it is for in the
 * words a model would search: changelog, release notes, entry.
 */
export function createChangelogTool() {
  return defineTool({
    name: "changelog_add",
    description: "Adds an entry.",
    input: z.object({ entry: z.string().min(1).max(200).describe("One line.") }),
    async run({ entry }, { workspace }) {
      void entry;
      void [readFile, writeFile, join(workspace, "CHANGELOG.md")];
      return "Not written yet.";
    },
  });
}
