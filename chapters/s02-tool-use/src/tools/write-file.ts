// `write_file`: create or overwrite a file atomically, creating parent folders.
import { stat } from "node:fs/promises";
import { z } from "zod";
import { writeFileAtomic } from "../atomic-write.ts";
import { defineTool, ToolError } from "../tool.ts";
import { resolveInWorkspace } from "../workspace-path.ts";

export const writeFileInput = z.object({
  path: z.string().min(1).describe("File path, relative to the workspace."),
  content: z.string().describe("The complete new content of the file."),
});

/** `write_file`: whole-file writes through writeFileAtomic, confined to the workspace. */
export function createWriteFileTool() {
  return defineTool({
    name: "write_file",
    description:
      "Create a file or replace its whole content (parent folders are created). To change part of an existing " +
      "file use edit_file instead. Returns the number of bytes written.",
    input: writeFileInput,
    destructive: true,
    async run({ path, content }, { workspace, allowedRoots }) {
      const absolute = await resolveInWorkspace(workspace, path, allowedRoots);
      const existing = await stat(absolute).catch(() => undefined);
      if (existing?.isDirectory()) throw new ToolError(`${path} is a directory; give a file path.`);
      await writeFileAtomic(absolute, content);
      const bytes = Buffer.byteLength(content, "utf8");
      const verb = existing ? "Overwrote" : "Created";
      return { content: `${verb} ${path} (${bytes} bytes).`, details: { path, bytes, created: !existing } };
    },
  });
}
