// `/skills`: the catalogue as the user sees it, one skill per line (long descriptions wrapped at whole words).
import { wrapWords } from "@lcc/chapter-kit";
import type { SlashCommand } from "@lcc/s02";
import type { SkillLibrary } from "./skill-library.ts";

/** Lists the skills the agent can load, or says where skills are looked for when there are none. */
export function createSkillsCommand(skills: SkillLibrary, width = 100): SlashCommand {
  return {
    name: "skills",
    usage: "/skills",
    summary: "list the skills the agent can load",
    run(_args, { write }) {
      if (skills.skills.length === 0)
        return write("No skills found (skills/*/SKILL.md or .claude/skills/*/SKILL.md).\n");
      const lines = skills.skills.flatMap((skill) =>
        wrapWords(`${skill.name} — ${skill.description.replace(/\s+/g, " ").trim()}`, width).map(
          (line, index) => `${index === 0 ? "  " : "      "}${line}`,
        ),
      );
      write(`${lines.join("\n")}\n`);
    },
  };
}
