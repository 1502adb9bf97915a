// The team in one process: the lead's inbox delivered into its queue, teammates started and stopped, and
// messages sent only to someone on the team. Everything durable goes through the transport.
import { hostname } from "node:os";
import type { AskUser } from "@lcc/chapter-kit";
import {
  type AgentHooks,
  type CallModel,
  createToolRegistry,
  type EmitEvent,
  type MessageQueue,
  type Tool,
} from "@lcc/s02";
import type { CronClock } from "@lcc/s14";
import { deliverInbox, type InboxDelivery, type InboxDeliveryOptions } from "./inbox-delivery.ts";
import { createMailbox, type Mailbox, type MessageKind } from "./mailbox.ts";
import { createRoster, type Member, type Roster } from "./roster.ts";
import { checkTeammateName, LEAD_NAME } from "./team-names.ts";
import { createTeamWakeups, type TeamWakeups } from "./team-wakeups.ts";
import { type IdlePolicy, startTeammate, type Teammate, waitForMessages } from "./teammate.ts";
import { teammateSystemPrompt } from "./teammate-prompt.ts";
import { teammateTools } from "./tools/teammate-tools.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

/** What later chapters add to every teammate: s16 its protocol tools, s17 autonomy, s18 its lane. */
export interface TeammateExtension {
  /** Text appended to every teammate's system prompt. */
  sections?: readonly string[];
  /** Tools only teammates have, made for each one. */
  tools?(teammate: Teammate, team: Team): Tool[];
  /** Hooks of each teammate's own loop (s17: its compaction, which re-injects its identity). */
  hooks?(teammate: Teammate, team: Team): AgentHooks[];
  /** What an idle teammate does (the last extension with one wins; s15 waits for messages). */
  idle?(teammate: Teammate, team: Team): Promise<"work" | "stop">;
}

/** A send, spawn or stop the team refuses (unknown or stopped teammate, a name taken). */
export class TeamError extends Error {
  override name = "TeamError";
}

export interface TeamOptions {
  transport: TeamTransport;
  workspace: string;
  callModel: CallModel;
  model: string | (() => string);
  maxTokens: number;
  ask: AskUser;
  emit: EmitEvent;
  /** The lead's queue: its inbox is delivered here (an idle REPL wakes for it). */
  leadQueue: MessageQueue;
  clock: CronClock;
  /** How often inboxes are read for other processes' messages (default 1 s). */
  pollMs?: number;
  extensions?: readonly TeammateExtension[];
  /** Model rounds per run of a teammate (default MAX_TEAMMATE_ROUNDS). */
  maxRounds?: number;
}

export interface SpawnRequest {
  name: string;
  role: string;
  prompt: string;
  /** Where its tools work (default the team's workspace; s18: a lane). */
  workspace?: string;
  /** The lead's tools it may use (s15 gives every tool that is not parentOnly). */
  inherited: readonly Tool[];
  /** The lead's per-call hooks (permissions, PreToolUse hooks, caching), as a subagent gets them. */
  childHooks: AgentHooks;
}

export interface Team {
  readonly transport: TeamTransport;
  readonly roster: Roster;
  readonly wakeups: TeamWakeups;
  readonly workspace: string;
  /** Joins the roster (refused while the name is working or idle) and starts the teammate's loop. */
  spawn(request: SpawnRequest): Promise<Teammate>;
  /** A teammate running in this process. */
  get(name: string): Teammate | undefined;
  running(): Teammate[];
  mailbox(name: string): Mailbox;
  /** Appends to `to`'s inbox and wakes it. TeamError unless `to` is the lead or a teammate not stopped. */
  send(from: string, to: string, content: string, kind?: MessageKind): Promise<string>;
  /** Sends to every working or idle teammate but `from`; returns their names. */
  broadcast(from: string, content: string): Promise<string[]>;
  /**
   * Stops every teammate of this process at once (interrupting them), then the lead's delivery; resolves
   * once the acknowledgements already started were written.
   */
  close(reason?: string): Promise<void>;
}

/** This process, as a roster owner: "<host>:<pid>". */
export const THIS_OWNER = `${hostname()}:${process.pid}`;

/** Creates the team and starts delivering the lead's inbox. Members this host's dead processes ran are stopped. */
export async function createTeam(options: TeamOptions): Promise<Team> {
  const { transport, emit } = options;
  const roster = createRoster(transport);
  const wakeups = createTeamWakeups();
  const running = new Map<string, Teammate>();
  // Every delivery whose acknowledgements may still be on their way (close waits for them).
  const deliveries = new Set<InboxDelivery>();
  const mailboxes = new Map<string, Mailbox>();
  const mailbox = (name: string) => {
    const existing = mailboxes.get(name);
    if (existing) return existing;
    const created = createMailbox(transport, name);
    mailboxes.set(name, created);
    return created;
  };
  const report = (text: string) => emit({ type: "notice", source: "team", level: "warn", text });
  const reportError = (error: unknown) =>
    report(`team inbox: ${error instanceof Error ? error.message : error}`);
  await stopOrphans(roster, report);

  const deliveryOptions = (name: string, queue: MessageQueue): InboxDeliveryOptions => ({
    mailbox: mailbox(name),
    queue,
    clock: options.clock,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    onError: reportError,
    onQueued: (messages) =>
      emit({
        type: "inbox_queued",
        name,
        messages: messages.map(({ id, from, kind }) => ({ id, from, kind })),
      }),
  });

  const checkRecipient = async (to: string): Promise<Member | undefined> => {
    if (to === LEAD_NAME) return undefined;
    checkTeammateName(to);
    const member = await roster.get(to);
    if (!member) {
      const names = (await roster.list()).filter((m) => m.state !== "stopped").map((m) => m.name);
      throw new TeamError(`no teammate called ${to} (on the team: ${names.join(", ") || "nobody yet"})`);
    }
    if (member.state === "stopped") throw new TeamError(`${to} has stopped; spawn it again to give it work`);
    return member;
  };

  const team: Team = {
    transport,
    roster,
    wakeups,
    workspace: options.workspace,
    get: (name) => running.get(name),
    running: () => [...running.values()],
    mailbox,
    async send(from, to, content, kind = "message") {
      await checkRecipient(to);
      const id = await mailbox(from).send(to, { content, kind });
      emit({ type: "team_message", from, to, kind, content });
      wakeups.notify(to);
      return id;
    },
    async broadcast(from, content) {
      const members = (await roster.list()).filter((m) => m.name !== from && m.state !== "stopped");
      for (const member of members) await team.send(from, member.name, content, "broadcast");
      return members.map((member) => member.name);
    },
    async spawn(request) {
      checkTeammateName(request.name);
      if (running.has(request.name))
        throw new TeamError(`${request.name} is already running; send it a message instead`);
      const workspace = request.workspace ?? options.workspace;
      await roster.join({
        name: request.name,
        role: request.role,
        owner: THIS_OWNER,
        ...(workspace === options.workspace ? {} : { workspace }),
      });
      const teammate = startSpawned(request, workspace);
      running.set(request.name, teammate);
      const delivery = deliverInbox(deliveryOptions(request.name, teammate.queue));
      deliveries.add(delivery);
      const unsubscribe = wakeups.subscribe(request.name, () => void delivery.check());
      void teammate.done.then(async () => {
        delivery.stop();
        unsubscribe();
        running.delete(request.name);
        await delivery.flush();
        deliveries.delete(delivery);
      });
      return teammate;
    },
    async close(reason = "the session ended") {
      const teammates = [...running.values()];
      for (const teammate of teammates) teammate.abort(reason);
      await Promise.all(teammates.map((teammate) => teammate.done));
      leadDelivery.stop();
      stopLeadWakeups();
      await Promise.all([...deliveries].map((delivery) => delivery.flush()));
    },
  };

  const extensions = options.extensions ?? [];
  const idle: IdlePolicy = (teammate) => {
    const custom = extensions.findLast((extension) => extension.idle);
    return custom?.idle ? custom.idle(teammate, team) : waitForMessages(teammate);
  };
  function startSpawned(request: SpawnRequest, workspace: string): Teammate {
    const { name, role } = request;
    const sections = extensions.flatMap((extension) => extension.sections ?? []);
    const teammate = startTeammate(
      { name, role, prompt: request.prompt, workspace },
      {
        callModel: options.callModel,
        model: options.model,
        maxTokens: options.maxTokens,
        system: teammateSystemPrompt({ name, role, workspace }, sections),
        tools: (self) =>
          createToolRegistry([
            ...request.inherited.filter((tool) => !tool.parentOnly),
            ...teammateTools(team, name),
            ...extensions.flatMap((extension) => extension.tools?.(self, team) ?? []),
          ]),
        hooks: (self) => [
          request.childHooks,
          ...extensions.flatMap((extension) => extension.hooks?.(self, team) ?? []),
        ],
        childHooks: request.childHooks,
        ask: (question, signal) =>
          options.ask({ ...question, source: `${name} · ${question.source}` }, signal),
        emit,
        idle,
        setState: (state, why) =>
          roster.setState(name, state).then(
            () => undefined,
            (error: unknown) =>
              report(`roster: ${name} → ${state}${why ? ` (${why})` : ""}: ${String(error)}`),
          ),
        onIdle: async (result, lastText) => {
          const said = lastText.trim() || "(no final answer)";
          const ending = result.reason === "end_turn" ? "" : ` [its run ended: ${result.reason}]`;
          await team.send(name, LEAD_NAME, `${capText(said, 2000)}${ending}`, "idle").catch(reportError);
        },
        ...(options.maxRounds === undefined ? {} : { maxRounds: options.maxRounds }),
      },
    );
    emit({ type: "teammate_spawned", name, role, workspace, tools: teammate.tools.names() });
    return teammate;
  }

  const leadDelivery = deliverInbox(deliveryOptions(LEAD_NAME, options.leadQueue));
  deliveries.add(leadDelivery);
  const stopLeadWakeups = wakeups.subscribe(LEAD_NAME, () => void leadDelivery.check());
  return team;
}

function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}

/** Members left working or idle by a process of this host that no longer runs are marked stopped. */
async function stopOrphans(roster: Roster, report: (text: string) => void): Promise<void> {
  const host = `${hostname()}:`;
  for (const member of await roster.list().catch(() => [])) {
    if (member.state === "stopped" || !member.owner?.startsWith(host)) continue;
    const pid = Number(member.owner.slice(host.length));
    if (Number.isInteger(pid) && isAlive(pid)) continue;
    await roster.setState(member.name, "stopped").catch((error: unknown) => report(String(error)));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
