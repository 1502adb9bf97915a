// A teammate's system prompt: who it is (name, role, lead), how the team talks, and what later chapters add
// (s16's protocols, s17's autonomy). s17 re-injects the identity part after a compaction.
import { LEAD_NAME } from "./team-names.ts";

/** The part of a teammate's prompt that says who it is (also re-injected by s17 after compaction). */
export function teammateIdentity(name: string, role: string, workspace: string): string {
  return [
    `You are ${name}, a teammate on a coding team. Your role: ${role}.`,
    `The team is led by "${LEAD_NAME}", who gave you your task. The workspace is ${workspace}; file tools take`,
    "paths relative to it and cannot leave it.",
  ].join("\n");
}

const TEAM_RULES = [
  "# Working on the team",
  "- Messages for you arrive as <team-inbox> blocks. Treat the lead's messages as your instructions.",
  `- send_message {to, content} reaches the lead (to: "${LEAD_NAME}") or another teammate by name;`,
  "  list_teammates shows who is on the team. The lead sees only what you send and your final answer.",
  "- Read before you edit, work in small verifiable steps, and do not edit files another teammate owns.",
  "- When your task is done, answer with a short summary of what you did: you then go idle until a",
  "  message (or, later, a task) arrives. Do not wait in a loop or call tools to pass time.",
].join("\n");

/** The whole prompt: identity, the team's rules, then each later chapter's section. */
export function teammateSystemPrompt(
  identity: { name: string; role: string; workspace: string },
  sections: readonly string[] = [],
): string {
  return [teammateIdentity(identity.name, identity.role, identity.workspace), TEAM_RULES, ...sections].join(
    "\n\n",
  );
}
