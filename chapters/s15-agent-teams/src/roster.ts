// The team's roster over the transport's keys: "member:<name>" holds a teammate as JSON. Joining is a
// compare-and-set from absent (or from a stopped teammate), so one name never runs twice.
import { compareText } from "@lcc/chapter-kit";
import { z } from "zod";
import { checkTeammateName } from "./team-names.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

export type MemberState = "working" | "idle" | "stopped";

/** One teammate as the roster holds it. */
export interface Member {
  name: string;
  role: string;
  state: MemberState;
  /** What it is working on, when the lead or a claim said so. */
  task?: string;
  /** ISO time of its latest spawn. */
  spawnedAt: string;
  /** The process running it, "<host>:<pid>": a teammate whose process died is shown stopped (s15's team). */
  owner?: string;
  /** Where it works when that is not the workspace (s18: its worktree lane). */
  workspace?: string;
}

/** A roster change that cannot happen: a name already on the team, an unknown name, a corrupt record. */
export class RosterError extends Error {
  override name = "RosterError";
}

export interface Roster {
  /**
   * Adds a teammate in state "working" (or `state`). Rejects with RosterError when the name is working or
   * idle; a stopped teammate is replaced (re-spawned). Of concurrent joins of one name exactly one wins.
   */
  join(
    member: Pick<Member, "name" | "role"> & Partial<Pick<Member, "task" | "state" | "owner" | "workspace">>,
  ): Promise<Member>;
  /** Moves a teammate to `state` (and `task`, when given; "stopped" clears it). RosterError for an unknown name. */
  setState(name: string, state: MemberState, task?: string): Promise<Member>;
  /** The teammate called `name`, or undefined. */
  get(name: string): Promise<Member | undefined>;
  /** Every teammate, oldest spawn first (then by name). */
  list(): Promise<Member[]>;
}

const memberSchema = z.object({
  name: z.string(),
  role: z.string(),
  state: z.enum(["working", "idle", "stopped"]),
  task: z.string().optional(),
  spawnedAt: z.string(),
  owner: z.string().optional(),
  workspace: z.string().optional(),
});

const MEMBER_PREFIX = "member:";
/** Compare-and-set attempts before setState gives up (each loses only to another writer's success). */
const MAX_ATTEMPTS = 100;

/** The roster of the team on `transport`. */
export function createRoster(transport: TeamTransport): Roster {
  const read = async (name: string) => {
    const raw = await transport.get(MEMBER_PREFIX + name);
    return raw === undefined ? undefined : { raw, member: parseMember(name, raw) };
  };

  return {
    join: async ({ name, role, task, state = "working", owner, workspace }) => {
      checkTeammateName(name);
      const member: Member = {
        name,
        role,
        state,
        ...(task ? { task } : {}),
        spawnedAt: new Date().toISOString(),
        ...(owner ? { owner } : {}),
        ...(workspace ? { workspace } : {}),
      };
      const current = await read(name);
      if (current && current.member.state !== "stopped")
        throw new RosterError(
          `${name} is already on the team (${current.member.state}); stop it before re-spawning`,
        );
      if (!(await transport.compareAndSet(MEMBER_PREFIX + name, current?.raw, JSON.stringify(member))))
        throw new RosterError(`${name} was spawned by someone else at the same moment; not spawned twice`);
      return member;
    },
    setState: async (name, state, task) => {
      checkTeammateName(name);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const current = await read(name);
        if (!current) throw new RosterError(`no teammate called ${name}`);
        const { task: oldTask, ...rest } = current.member;
        const nextTask = state === "stopped" ? undefined : (task ?? oldTask);
        const next: Member = { ...rest, state, ...(nextTask ? { task: nextTask } : {}) };
        if (await transport.compareAndSet(MEMBER_PREFIX + name, current.raw, JSON.stringify(next)))
          return next;
      }
      throw new RosterError(`${name} changed ${MAX_ATTEMPTS} times while setting it ${state}; not set`);
    },
    get: async (name) => {
      checkTeammateName(name);
      return (await read(name))?.member;
    },
    list: async () => {
      const entries = Object.entries(await transport.list(MEMBER_PREFIX));
      return entries
        .map(([key, raw]) => parseMember(key.slice(MEMBER_PREFIX.length), raw))
        .sort((left, right) =>
          left.spawnedAt === right.spawnedAt
            ? compareText(left.name, right.name)
            : left.spawnedAt < right.spawnedAt
              ? -1
              : 1,
        );
    },
  };
}

function parseMember(name: string, raw: string): Member {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new RosterError(`the roster entry of ${name} is not JSON`);
  }
  const parsed = memberSchema.safeParse(json);
  if (!parsed.success || parsed.data.name !== name)
    throw new RosterError(`the roster entry of ${name} is not a teammate record`);
  const { task, owner, workspace, ...rest } = parsed.data;
  return {
    ...rest,
    ...(task === undefined ? {} : { task }),
    ...(owner === undefined ? {} : { owner }),
    ...(workspace === undefined ? {} : { workspace }),
  };
}
