// The skills of one session: the catalogue found at start, bodies loaded on demand, and which were loaded.
import { realpath } from "node:fs/promises";
import { discoverSkills, type Skill, type SkillProblem } from "./discover-skills.ts";
import { parseSkillFile, readSkillText } from "./skill-file.ts";

export interface LoadedSkill {
  skill: Skill;
  /** The body the model read (the SKILL.md after its frontmatter). */
  body: string;
}

export interface SkillLibrary {
  /** Valid skills in discovery order. */
  readonly skills: readonly Skill[];
  /** SKILL.md files that were skipped, with the reason. */
  readonly problems: readonly SkillProblem[];
  find(name: string): Skill | undefined;
  /**
   * Reads the skill's body from disk (so an edited SKILL.md is picked up) and remembers it as
   * loaded. Throws when the file can no longer be read or parsed, or now resolves outside the
   * workspace or to something that is not a regular file of at most 1 MB; the caller reports it.
   */
  load(name: string): Promise<LoadedSkill>;
  /** Skills loaded so far, each once with its latest body, the most recently loaded last. */
  loaded(): LoadedSkill[];
}

/** Discovers the workspace's skills once (synchronously) and tracks which ones the model loads. */
export function createSkillLibrary(workspace: string): SkillLibrary {
  const { skills, problems } = discoverSkills(workspace);
  const loaded = new Map<string, LoadedSkill>();
  const find = (name: string) => skills.find((skill) => skill.name === name);
  return {
    skills,
    problems,
    find,
    async load(name) {
      const skill = find(name);
      if (!skill) throw new Error(`Unknown skill "${name}"`);
      // Checked again: the file may have been replaced (by a link out of the workspace, a FIFO…) since discovery.
      const read = await readSkillText(await realpath(workspace), skill.file);
      if (!read.ok) throw new Error(`${skill.directory}/SKILL.md cannot be loaded: ${read.problem}`);
      const parsed = parseSkillFile(read.text);
      if (!parsed.ok) throw new Error(`${skill.directory}/SKILL.md is no longer valid: ${parsed.problem}`);
      const entry = { skill, body: parsed.file.body };
      loaded.delete(name);
      loaded.set(name, entry);
      return entry;
    },
    loaded: () => [...loaded.values()],
  };
}
