// SOLUTION (s20 02): `changelog_add {entry}`, a tool most sessions never call: it stays out of every request
// (deferred) and the model finds it with tool_search, so its description carries the words it is searched by.
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
    description:
      "Add one entry to the release notes: a line '- <entry>' under '## Unreleased' in CHANGELOG.md (the " +
      "changelog file and heading are made when missing). Use it when the user asks to record a change for " +
      "the next release; write the entry as one short sentence a user of the project understands.",
    input: z.object({
      entry: z.string().min(1).max(200).describe("One line, without the leading '- '."),
    }),
    async run({ entry }, { workspace, signal }) {
      const path = join(workspace, "CHANGELOG.md");
      const text = await readFile(path, { encoding: "utf8", signal }).catch(() => "");
      const line = `- ${entry.trim()}`;
      const lines = text === "" ? [] : text.split("\n");
      const heading = lines.indexOf(UNRELEASED_HEADING);
      if (heading === -1) lines.unshift(UNRELEASED_HEADING, "", line, "");
      else lines.splice(heading + 1, lines[heading + 1] === "" ? 1 : 0, "", line);
      await writeFile(path, lines.join("\n"), { signal });
      return `Added to CHANGELOG.md under ${UNRELEASED_HEADING}: ${line}`;
    },
  });
}
