// The lead's system-prompt section for s15: when to build a team and how its messages arrive.
import { LEAD_NAME } from "./team-names.ts";

export const TEAM_SECTION = {
  name: "team",
  text: [
    "# Team",
    `You lead a team and are addressed as "${LEAD_NAME}". spawn_teammate starts a named teammate with its own`,
    "conversation that works at the same time as you: use teammates for independent pieces of work that take",
    "many steps (one teammate per piece, each told exactly which files are theirs), and keep small tasks yourself.",
    "Teammates' messages and final answers arrive by themselves as <team-inbox> blocks in your next turn; do not",
    "poll. Answer them with send_message; broadcast reaches everyone. list_teammates shows who works on what.",
  ].join("\n"),
};
