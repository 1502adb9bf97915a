// `spawn_teammate {name, role, prompt}`: a named teammate with its own loop, history and inbox, working at
// the same time as the lead. It inherits the lead's tools that are not parentOnly, under the same rules.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import type { Team } from "../team.ts";
import { LEAD_NAME } from "../team-names.ts";

/** s18: where a teammate may be spawned instead of the workspace (its worktree lane). */
export interface SpawnPlace {
  /** The input field's description for the model. */
  describe: string;
  /** The folder for `value` (a lane's name); throws a message for the model when there is none. */
  resolve(value: string): Promise<string>;
}

const baseInput = z.object({
  name: z
    .string()
    .trim()
    .describe('Its name: a-z first, then up to 31 of a-z 0-9 _ - (e.g. "alice"); "lead" is yours'),
  role: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('What it is for, in a few words ("tester", "docs writer")'),
  prompt: z
    .string()
    .trim()
    .min(1)
    .describe("Its first task, complete and self-contained: it cannot see this conversation"),
});
const placedInput = baseInput.extend({ worktree: z.string().trim().min(1).optional() });

export function createSpawnTeammateTool(team: Team, place?: SpawnPlace) {
  const input = place
    ? baseInput.extend({ worktree: z.string().trim().min(1).optional().describe(place.describe) })
    : // Without a place the field does not exist for the model; the type is the wider one.
      (baseInput as unknown as typeof placedInput);
  return defineTool({
    name: "spawn_teammate",
    description:
      "Start a teammate: a separate agent with its own conversation and inbox that works at the same time as " +
      "you and keeps its name until it stops. It gets your file and shell tools under the same permission " +
      `rules, plus send_message/read_inbox/list_teammates. It reports to you ("${LEAD_NAME}"): its messages and ` +
      "its final answer arrive by themselves in your next turn. A name that is working or idle is refused " +
      "(send it a message instead); a stopped one may be spawned again.",
    input,
    parentOnly: true,
    ownStateOnly: true,
    summarizeInput: (raw) => {
      const { name, role } = raw as { name?: string; role?: string };
      return `${name ?? "?"} (${role ?? "?"})`;
    },
    async run({ name, role, prompt, worktree }, context) {
      const workspace = worktree && place ? await place.resolve(worktree) : undefined;
      const teammate = await team.spawn({
        name,
        role,
        prompt,
        inherited: context.tools.list(),
        childHooks: context.childHooks,
        ...(workspace ? { workspace } : {}),
      });
      const where = workspace ? ` in ${workspace}` : "";
      return {
        content: `${name} joined the team as ${role}${where} and is working on its task. Its messages will reach you.`,
        details: { name, role, workspace: teammate.workspace, tools: teammate.tools.names() },
      };
    },
  });
}
