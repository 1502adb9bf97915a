// What the model reads about skills: the catalogue (layer 1, system prompt) and a loaded body (layer 2).
import type { Skill } from "./discover-skills.ts";
import type { LoadedSkill } from "./skill-library.ts";

/** Longest description shown in the catalogue; the full text is in the body the model loads. */
export const MAX_CATALOGUE_DESCRIPTION_CHARS = 300;

/**
 * The system-prompt section: how to use skills and one `- name: description` line per skill
 * (descriptions on one line, shortened past MAX_CATALOGUE_DESCRIPTION_CHARS). Pure.
 */
export function renderSkillCatalogue(skills: readonly Skill[]): string {
  const intro = [
    "# Skills",
    "Skills are playbooks for particular kinds of work. Only their names and descriptions are listed here.",
    "When a task matches a description, call load_skill with that name before starting and follow what it returns;",
    "do not guess a skill's content from its description. Load a skill once per session.",
  ];
  if (skills.length === 0) {
    return [...intro, "No skills are installed in this workspace (add skills/<name>/SKILL.md)."].join("\n");
  }
  return [...intro, "", ...skills.map((skill) => `- ${skill.name}: ${oneLine(skill.description)}`)].join(
    "\n",
  );
}

/**
 * A loaded skill as the model reads it: the body inside `<skill name="…" path="…">` tags, where
 * `path` is the skill's folder relative to the workspace so read_file can open its references. Pure.
 */
export function renderLoadedSkill({ skill, body }: LoadedSkill): string {
  return [
    `<skill name="${skill.name}" path="${skill.directory}">`,
    `Files this skill mentions are relative to ${skill.directory}/ (open them with read_file).`,
    "",
    body,
    "</skill>",
  ].join("\n");
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_CATALOGUE_DESCRIPTION_CHARS
    ? `${line.slice(0, MAX_CATALOGUE_DESCRIPTION_CHARS - 1)}…`
    : line;
}
