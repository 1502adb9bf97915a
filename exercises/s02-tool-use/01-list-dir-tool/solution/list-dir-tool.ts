// Solution s02/01: `list_dir`, a read-only tool on s02's contract: a zod schema, a description written for
// the model, confinement through resolveInWorkspace, ToolErrors that name the next step, typed details.
import { readdir, stat } from "node:fs/promises";
import { defineTool, resolveInWorkspace, ToolError } from "@lcc/s02";
import { z } from "zod";

/** `list_dir {path?}`: the entries of one folder of the workspace, sorted, folders ending in "/". */
export function createListDirTool() {
  return defineTool({
    name: "list_dir",
    description:
      "List the entries of a folder in the workspace, sorted by name; sub-folders end with /. " +
      "Use read_file to read a file. A very long listing is cut in the middle: list a sub-folder instead.",
    input: z.object({
      path: z.string().min(1).optional().describe('Folder path, relative to the workspace (default ".").'),
    }),
    readOnly: true,
    concurrencySafe: true,
    async run({ path = "." }, { workspace, allowedRoots }) {
      const absolute = await resolveInWorkspace(workspace, path, allowedRoots);
      const stats = await stat(absolute).catch(() => undefined);
      if (!stats) throw new ToolError(`${path} does not exist. List its parent folder to see what is there.`);
      if (!stats.isDirectory()) throw new ToolError(`${path} is not a folder. Use read_file to read a file.`);
      const entries = await readdir(absolute, { withFileTypes: true });
      const names = entries.map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)).sort();
      return {
        content: names.length > 0 ? names.join("\n") : "(empty folder)",
        details: { path, entries: names.length },
      };
    },
  });
}
