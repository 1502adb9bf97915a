// The s05 chapter: the s04 agent plus skills — a catalogue in the system prompt, bodies via load_skill.
import type { Chapter } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup, type SetupContext } from "@lcc/s02";
import type { TodoSetup } from "@lcc/s03";
import { createSubagentSetup } from "@lcc/s04";
import { createLoadSkillTool } from "./load-skill-tool.ts";
import { createSkillLibrary, type SkillLibrary } from "./skill-library.ts";
import { renderSkillCatalogue } from "./skill-prompt.ts";
import { createSkillsCommand } from "./skills-command.ts";

/** s05's setup plus the session's skill library (s06 re-injects `skills.loaded()` after compaction). */
export interface SkillSetup extends TodoSetup {
  skills: SkillLibrary;
}

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

export const s05Chapter: Chapter = {
  id: "s05",
  title: "skill loading",
  createAgent: (context) => createSessionAgent(createSkillSetup, context),
};
