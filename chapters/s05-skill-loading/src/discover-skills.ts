// Finds the skills of a workspace: `skills/*/SKILL.md`, then `.claude/skills/*/SKILL.md`.
import { readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseSkillFile, readSkillTextSync, SKILL_NAME_PATTERN } from "./skill-file.ts";

/** Where skills are looked for, in this order (relative to the workspace). */
export const SKILL_ROOTS = ["skills", ".claude/skills"] as const;

export interface Skill {
  name: string;
  /** As written in the frontmatter (block scalars keep their line breaks). */
  description: string;
  /** The skill's folder relative to the workspace, e.g. `skills/code-review` (for read_file). */
  directory: string;
  /** Absolute path of the SKILL.md. */
  file: string;
}

/** A SKILL.md that was not loaded, and why. */
export interface SkillProblem {
  /** Path of the SKILL.md relative to the workspace. */
  path: string;
  problem: string;
}

export interface SkillDiscovery {
  skills: Skill[];
  problems: SkillProblem[];
}

/**
 * Reads every `<root>/<folder>/SKILL.md` under the workspace's skill roots (roots in SKILL_ROOTS
 * order, folders sorted by name). The name comes from the frontmatter, else the folder. Reported in
 * `problems`, never thrown: a SKILL.md (or skill folder) whose real path is outside the workspace, one
 * that is not a regular file of at most 1 MB, an invalid one, and a name an earlier skill already took.
 * Synchronous: it runs once, when the agent is set up.
 */
export function discoverSkills(workspace: string): SkillDiscovery {
  const skills: Skill[] = [];
  const problems: SkillProblem[] = [];
  const byName = new Map<string, Skill>();
  const workspaceRoot = realPathOrUndefined(workspace);
  if (workspaceRoot === undefined) return { skills, problems };
  for (const root of SKILL_ROOTS) {
    for (const folder of listFolders(join(workspace, root))) {
      const directory = `${root}/${folder}`;
      const path = `${directory}/SKILL.md`;
      const file = join(workspace, path);
      const read = readSkillTextSync(workspaceRoot, file);
      if (!read.ok) {
        if (!read.missing) problems.push({ path, problem: read.problem });
        continue;
      }
      const parsed = parseSkillFile(read.text);
      if (!parsed.ok) {
        problems.push({ path, problem: parsed.problem });
        continue;
      }
      const name = parsed.file.name ?? folder;
      if (!SKILL_NAME_PATTERN.test(name)) {
        problems.push({
          path,
          problem: `no valid name: add "name: lowercase-with-hyphens" to the frontmatter`,
        });
        continue;
      }
      const earlier = byName.get(name);
      if (earlier) {
        problems.push({
          path,
          problem: `duplicate skill name "${name}" (already defined by ${earlier.directory}/SKILL.md)`,
        });
        continue;
      }
      const skill: Skill = { name, description: parsed.file.description, directory, file };
      byName.set(name, skill);
      skills.push(skill);
    }
  }
  return { skills, problems };
}

function listFolders(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(join(path, entry.name))),
      )
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realPathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
