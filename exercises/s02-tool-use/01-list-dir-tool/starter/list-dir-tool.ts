// Exercise s02/01: a `list_dir` tool on s02's contract. Write its zod schema, a description for the
// model, its metadata and its run function (see README.md for the rules).
import { defineTool } from "@lcc/s02";
import { z } from "zod";

/** `list_dir {path?}`: the entries of one folder of the workspace. */
export function createListDirTool() {
  return defineTool({
    name: "list_dir",
    description: "TODO: what it does, for the model.",
    // TODO: the input the model sends.
    input: z.object({}),
    async run(_input, _context) {
      return "TODO: list the folder";
    },
  });
}
