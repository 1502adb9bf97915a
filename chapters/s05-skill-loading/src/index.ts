// Public surface of s05: skill discovery, the library that tracks loaded skills, the prompt layers, the tool.
export { createSkillSetup, type SkillSetup, s05Chapter } from "./agent.ts";
export {
  discoverSkills,
  SKILL_ROOTS,
  type Skill,
  type SkillDiscovery,
  type SkillProblem,
} from "./discover-skills.ts";
export { createLoadSkillTool, loadSkillInput } from "./load-skill-tool.ts";
export {
  MAX_SKILL_DESCRIPTION_CHARS,
  MAX_SKILL_NAME_CHARS,
  parseSkillFile,
  SKILL_NAME_PATTERN,
  type SkillFile,
  type SkillFileParse,
} from "./skill-file.ts";
export { createSkillLibrary, type LoadedSkill, type SkillLibrary } from "./skill-library.ts";
export { MAX_CATALOGUE_DESCRIPTION_CHARS, renderLoadedSkill, renderSkillCatalogue } from "./skill-prompt.ts";
export { createSkillsCommand } from "./skills-command.ts";
