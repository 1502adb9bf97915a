// A copy of s05's `load_skill {name}` (chapters/s05-skill-loading/src/load-skill-tool.ts) extended with
// arguments: `load_skill {name, arguments}` fills the skill's `$ARGUMENTS` placeholder.
import { defineTool, ToolError } from "@lcc/s02";
import { renderLoadedSkill, type SkillLibrary } from "@lcc/s05";
import { z } from "zod";

export const loadSkillInput = z.object({
  name: z
    .string()
    .min(1)
    .describe("The skill's name, exactly as listed in the Skills section of the system prompt."),
  arguments: z
    .string()
    .optional()
    .describe(
      "What to apply the skill to (a file, a branch, an environment); the skill reads it as $ARGUMENTS.",
    ),
});

/** The tool over a session's library; every successful load is remembered by the library. */
export function createLoadSkillTool(library: SkillLibrary) {
  return defineTool({
    name: "load_skill",
    description:
      "Load the full instructions of a skill listed in the Skills section of the system prompt. Returns the body " +
      "in <skill name=... path=...> tags; path is the skill's folder, for reading files the skill refers to. " +
      "Pass arguments when the task names what the skill applies to.",
    input: loadSkillInput,
    readOnly: true,
    concurrencySafe: true,
    async run({ name, arguments: args }) {
      if (!library.find(name)) throw new ToolError(unknownSkillMessage(name, library));
      const loaded = await library.load(name);
      const body = withArguments(loaded.body, args);
      return {
        content: renderLoadedSkill({ ...loaded, body }),
        details: { name, directory: loaded.skill.directory },
      };
    },
  });
}

/**
 * Each `$ARGUMENTS` in the body becomes `args` (a function replacer: `$&` in them stays as typed); a body
 * without the placeholder gets them on a last line, `ARGUMENTS: …`. No arguments: the body as written.
 */
function withArguments(body: string, args: string | undefined): string {
  if (args === undefined || args.trim() === "") return body;
  if (body.includes("$ARGUMENTS")) return body.replaceAll("$ARGUMENTS", () => args);
  return `${body}\n\nARGUMENTS: ${args}`;
}

function unknownSkillMessage(name: string, library: SkillLibrary): string {
  const names = library.skills.map((skill) => skill.name);
  if (names.length === 0) return `Unknown skill "${name}": no skills are installed in this workspace.`;
  return `Unknown skill "${name}". Available skills: ${names.join(", ")}. Call load_skill with one of these names.`;
}
