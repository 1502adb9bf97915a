// Finds the skills of a workspace: `skills/*/SKILL.md`, then `.claude/skills/*/SKILL.md`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseSkillFile, SKILL_NAME_PATTERN } from "./skill-file.ts";

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
 * order, folders sorted by name). The name comes from the frontmatter, else the folder. Unreadable
 * and invalid files and names already taken by an earlier skill are reported in `problems`, never thrown.
 * Synchronous: it runs once, when the agent is set up.
 */
export function discoverSkills(workspace: string): SkillDiscovery {
  const skills: Skill[] = [];
  const problems: SkillProblem[] = [];
  const byName = new Map<string, Skill>();
  for (const root of SKILL_ROOTS) {
    for (const folder of listFolders(join(workspace, root))) {
      const directory = `${root}/${folder}`;
      const path = `${directory}/SKILL.md`;
      const file = join(workspace, path);
      const read = readText(file);
      if (read.kind === "missing") continue;
      if (read.kind === "unreadable") {
        problems.push({ path, problem: `cannot be read (${read.message})` });
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

type ReadText =
  | { kind: "text"; text: string }
  | { kind: "missing" }
  | { kind: "unreadable"; message: string };

/** A folder without SKILL.md is simply not a skill; a SKILL.md that exists but cannot be read is a problem. */
function readText(path: string): ReadText {
  try {
    return { kind: "text", text: readFileSync(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    return { kind: "unreadable", message: error instanceof Error ? error.message : String(error) };
  }
}
