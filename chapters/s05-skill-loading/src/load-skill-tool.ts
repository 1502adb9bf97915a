// `load_skill {name}`: the second layer. Returns a skill's full body when the model asks for it.
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import type { SkillLibrary } from "./skill-library.ts";
import { renderLoadedSkill } from "./skill-prompt.ts";

export const loadSkillInput = z.object({
  name: z
    .string()
    .min(1)
    .describe("The skill's name, exactly as listed in the Skills section of the system prompt."),
});

/** The tool over a session's library; every successful load is remembered by the library. */
export function createLoadSkillTool(library: SkillLibrary) {
  return defineTool({
    name: "load_skill",
    description:
      "Load the full instructions of a skill listed in the Skills section of the system prompt. Returns the body " +
      "in <skill name=... path=...> tags; path is the skill's folder, for reading files the skill refers to.",
    input: loadSkillInput,
    readOnly: true,
    concurrencySafe: true,
    async run({ name }) {
      if (!library.find(name)) throw new ToolError(unknownSkillMessage(name, library));
      const loaded = await library.load(name);
      return { content: renderLoadedSkill(loaded), details: { name, directory: loaded.skill.directory } };
    },
  });
}

function unknownSkillMessage(name: string, library: SkillLibrary): string {
  const names = library.skills.map((skill) => skill.name);
  if (names.length === 0) return `Unknown skill "${name}": no skills are installed in this workspace.`;
  return `Unknown skill "${name}". Available skills: ${names.join(", ")}. Call load_skill with one of these names.`;
}
