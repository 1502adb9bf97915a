// `/team` (the roster: role, state, task, where; `/team stop <name|all>`) and `/inbox` (the lead's newest
// messages and how many are still unread), answered without asking the model.
import type { SlashCommand } from "@lcc/s02";
import type { Team } from "./team.ts";
import { LEAD_NAME } from "./team-names.ts";
import { describeMember } from "./tools/list-teammates.ts";
import { describeMessage } from "./tools/read-inbox.ts";

/** How `/team stop` stops one teammate; returns what to tell the user. s16 replaces s15's abort with its handshake. */
export type StopTeammate = (team: Team, name: string) => Promise<string>;

/** s15's stop: interrupt the teammate at once (s16 asks it first). */
export const abortTeammate: StopTeammate = async (team, name) => {
  const teammate = team.get(name);
  if (!teammate) return `${name} is not running in this session.`;
  teammate.abort("stopped by the user");
  await teammate.done;
  return `${name} stopped.`;
};

export function createTeamCommand(team: Team, stop: StopTeammate = abortTeammate): SlashCommand {
  return {
    name: "team",
    usage: "/team [stop <name|all>]",
    summary: "the team: each teammate's role, state and task; stop <name|all> shuts teammates down",
    async run(args, { write }) {
      const [action = "", target = ""] = args.trim().split(/\s+/);
      if (action === "stop") {
        if (!target) return write("Usage: /team stop <name|all>.\n");
        const names = target === "all" ? team.running().map((teammate) => teammate.name) : [target];
        if (names.length === 0) return write("No teammate is running in this session.\n");
        const outcomes = await Promise.all(names.map((name) => stop(team, name)));
        return write(`${outcomes.join("\n")}\n`);
      }
      if (action) return write("Usage: /team, or /team stop <name|all>.\n");
      const members = await team.roster.list();
      if (members.length === 0)
        return write("Nobody is on the team yet (the model starts teammates with spawn_teammate).\n");
      write(`${members.map((member) => `  ${describeMember(member)}`).join("\n")}\n`);
    },
  };
}

export function createInboxCommand(team: Team): SlashCommand {
  return {
    name: "inbox",
    usage: "/inbox",
    summary: `the newest messages to ${LEAD_NAME} (delivered to the model by themselves) and how many wait`,
    async run(_args, { write }) {
      const mailbox = team.mailbox(LEAD_NAME);
      const [messages, unread] = await Promise.all([mailbox.recent(10), mailbox.peek()]);
      if (messages.length === 0) return write("No messages yet.\n");
      const waiting =
        unread > 0 ? `\n(${unread} not yet delivered to the model: they join its next turn)` : "";
      write(`${messages.map(describeMessage).join("\n\n")}${waiting}\n`);
    },
  };
}
