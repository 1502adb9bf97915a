// The s15 chapter (agent teams) on s14's setup: one team per session (kept across /clear, its teammates
// stopped when the session closes), the lead's tools, /team and /inbox, and teammates' lines in colour.
import { extendSetup, type SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { type CronClock, type CronSetup, type CronSetupOptions, createCronSetup, realClock } from "@lcc/s14";
import { createTeam, type Team, type TeammateExtension } from "./team.ts";
import { abortTeammate, createInboxCommand, createTeamCommand, type StopTeammate } from "./team-commands.ts";
import { createTeamRenderer } from "./team-renderer.ts";
import { TEAM_SECTION } from "./team-section.ts";
import { leadTools } from "./tools/lead-tools.ts";
import type { SpawnPlace } from "./tools/spawn-teammate.ts";
import { openTeamTransport } from "./transport/open-team-transport.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

export interface TeamSetupOptions extends CronSetupOptions {
  /** What later chapters add to every teammate (s16 protocol tools, s17 autonomy, s18 lanes). */
  teammateExtensions?: readonly TeammateExtension[];
  /** s18: where spawn_teammate may place a teammate (a worktree lane). */
  spawnPlace?: SpawnPlace;
  /** How /team stop stops a teammate (s16: through the shutdown handshake). Default: at once. */
  stopTeammate?: StopTeammate;
  /** The clock of inbox polling (tests: a manual one). Default: cronClock, else the real clock. */
  teamClock?: CronClock;
  /** Milliseconds between inbox reads for other processes' messages (default 1000; 0: only wake-ups). */
  teamPollMs?: number;
  /** The team's transport (tests); default: LCC_TEAM_BACKEND, else files under .lcc/team. */
  openTransport?: (context: SetupContext) => Promise<TeamTransport>;
  /** Teammate names in colour (default: when the output is a terminal and NO_COLOR is unset). */
  teamColor?: boolean;
}

export interface TeamSetup extends CronSetup {
  /** This session's team (lcc's /team and the tests read it). */
  team: Team;
}

/**
 * s14's setup plus the team. The team belongs to the session: made once, the same after /clear, closed
 * (every teammate stopped, the transport closed) when the session closes.
 */
export async function createTeamSetup(
  context: SetupContext,
  options: TeamSetupOptions = {},
): Promise<TeamSetup> {
  const setup = await createCronSetup(context, options);
  const team = await (context.session
    ? context.session.keep("s15:team", () => openTeam(context, options))
    : openTeam(context, options));
  const extended = extendSetup(setup, {
    systemSections: [TEAM_SECTION],
    tools: leadTools(team, options.spawnPlace),
    commands: [createTeamCommand(team, options.stopTeammate ?? abortTeammate), createInboxCommand(team)],
    renderers: [createTeamRenderer({ color: options.teamColor ?? colorWanted(context) })],
  });
  return { ...extended, team };
}

async function openTeam(context: SetupContext, options: TeamSetupOptions): Promise<Team> {
  const transport = await (options.openTransport?.(context) ??
    openTeamTransport({ workspace: context.workspace, env: context.env ?? {} }));
  const team = await createTeam({
    transport,
    workspace: context.workspace,
    callModel: context.callModel,
    // Read at each call, so lcc's /model reaches teammates too.
    model: () => context.config.model,
    maxTokens: context.config.maxTokens,
    ask: context.ask,
    emit: context.emit,
    leadQueue: context.queue,
    clock: options.teamClock ?? options.cronClock ?? realClock,
    ...(options.teamPollMs === undefined ? {} : { pollMs: options.teamPollMs }),
    ...(options.teammateExtensions ? { extensions: options.teammateExtensions } : {}),
  });
  context.session?.onClose(async () => {
    await team.close();
    await transport.close();
  });
  return team;
}

/** Team lines in colour: when the output is a terminal, NO_COLOR is unset and TERM is not "dumb". */
export function colorWanted(context: Pick<SetupContext, "env" | "output">): boolean {
  const env = context.env ?? {};
  if (env.NO_COLOR) return false;
  return Boolean((context.output as NodeJS.WriteStream).isTTY) && env.TERM !== "dumb";
}

export function createS15Chapter(options: TeamSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s15", title: "agent teams" }, (context) =>
    createTeamSetup(context, options),
  );
}
