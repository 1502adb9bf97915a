// A copy of s05's createSkillSetup (chapters/s05-skill-loading/src/agent.ts) to extend: skills marked
// `disable-model-invocation: true` are for the user to start with `/<name> [request]`, never for the model.
import { extendSetup, type SetupContext } from "@lcc/s02";
import { createSubagentSetup } from "@lcc/s04";
import {
  createLoadSkillTool,
  createSkillLibrary,
  createSkillsCommand,
  renderSkillCatalogue,
  type SkillSetup,
} from "@lcc/s05";

/**
 * s04's setup plus the skills catalogue section and the `load_skill` tool. Skills are discovered
 * once, now; each skipped SKILL.md is reported as a warning notice, never as a failure.
 */
export function createSkillSetup(context: SetupContext): SkillSetup {
  const skills = createSkillLibrary(context.workspace);
  for (const { path, problem } of skills.problems) {
    context.emit({ type: "notice", source: "skills", level: "warn", text: `Skipped ${path}: ${problem}` });
  }
  if (skills.skills.length > 0) {
    const names = skills.skills.map((skill) => skill.name).join(", ");
    context.emit({ type: "notice", source: "skills", text: `Skills available: ${names}` });
  }
  const setup = extendSetup(createSubagentSetup(context), {
    systemSections: [{ name: "skills", text: renderSkillCatalogue(skills.skills) }],
    tools: [createLoadSkillTool(skills)],
    commands: [createSkillsCommand(skills)],
  });
  return { ...setup, skills };
}
