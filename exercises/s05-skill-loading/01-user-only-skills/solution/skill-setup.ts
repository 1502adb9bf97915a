// A copy of s05's createSkillSetup (chapters/s05-skill-loading/src/agent.ts), extended: skills marked
// `disable-model-invocation: true` are for the user to start with `/<name> [request]`, never for the model.
import { readFileSync } from "node:fs";
import { extendSetup, type SetupContext, type SlashCommand } from "@lcc/s02";
import { createSubagentSetup, parseFrontmatter } from "@lcc/s04";
import {
  createLoadSkillTool,
  createSkillLibrary,
  createSkillsCommand,
  renderLoadedSkill,
  renderSkillCatalogue,
  type Skill,
  type SkillLibrary,
  type SkillSetup,
} from "@lcc/s05";
import { z } from "zod";

const invocationSchema = z.looseObject({ "disable-model-invocation": z.boolean().optional() });

/** True when the skill's frontmatter says `disable-model-invocation: true` (Claude Code's field). Never throws. */
function isUserOnly(skill: Skill): boolean {
  try {
    const parsed = parseFrontmatter(readFileSync(skill.file, "utf8"), invocationSchema);
    return parsed.ok && parsed.data["disable-model-invocation"] === true;
  } catch {
    return false; // discovery just read it; if it is gone now, load_skill reports that
  }
}

/** The library as the model sees it: only `visible` skills are listed, found and loaded. */
function restrictLibrary(library: SkillLibrary, visible: readonly Skill[]): SkillLibrary {
  return { ...library, skills: visible, find: (name) => visible.find((skill) => skill.name === name) };
}

/** `/<name> [request]`: loads the skill's body and runs a turn with it and the user's request. */
function createSkillCommand(library: SkillLibrary, skill: Skill): SlashCommand {
  return {
    name: skill.name,
    usage: `/${skill.name} [request]`,
    summary: `run the ${skill.name} skill (only you can start it)`,
    async run(args, { session, signal }) {
      const loaded = await library.load(skill.name);
      await session.runTurn(
        `${renderLoadedSkill(loaded)}\n\n${args || `Follow the ${skill.name} skill.`}`,
        signal,
      );
    },
  };
}

/**
 * s04's setup plus the skills catalogue section and the `load_skill` tool, both without the user-only
 * skills, and one slash command per user-only skill. Skills are discovered once, now; each skipped
 * SKILL.md is reported as a warning notice, never as a failure.
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
  const base = createSubagentSetup(context);
  const taken = new Set([...base.commands.map((command) => command.name), "skills"]);
  const userOnly = skills.skills.filter(isUserOnly);
  const forModel = restrictLibrary(
    skills,
    skills.skills.filter((skill) => !userOnly.includes(skill)),
  );
  const setup = extendSetup(base, {
    systemSections: [{ name: "skills", text: renderSkillCatalogue(forModel.skills) }],
    tools: [createLoadSkillTool(forModel)],
    commands: [
      createSkillsCommand(skills),
      ...userOnly.filter((skill) => !taken.has(skill.name)).map((skill) => createSkillCommand(skills, skill)),
    ],
  });
  return { ...setup, skills };
}
