// Test helper for s15–s18: the real session on the fake API in a temp workspace and home, its team on the
// file transport, inboxes polled on a manual clock (in-process sends wake their reader at once).
import { type AskUser, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent, type SetupContext } from "@lcc/s02";
import type { CronClock } from "@lcc/s14";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, startAgentTest } from "@lcc/testkit/vitest";
import { createTeamSetup, type TeamSetup, type TeamSetupOptions } from "./agent.ts";
import { LEAD_NAME } from "./team-names.ts";

/** A clock whose timers never fire: inbox polling is off, wake-ups alone deliver. */
export const stillClock: CronClock = { now: () => Date.now(), setTimer: () => ({ cancel() {} }) };

export interface TestTeamOptions<Setup extends TeamSetup, Options extends TeamSetupOptions> {
  script: Script;
  files?: Record<string, string>;
  workspace?: string;
  /** Run with this home instead of a new one (the same user again: a team folder is only the user who made it's). */
  home?: string;
  options?: Options;
  /** How the session asks the user (default: no terminal, every question refused). */
  ask?: AskUser;
  /** The chapter's setup (default s15's). */
  createSetup?: (context: SetupContext, options: Options) => Promise<Setup>;
}

/**
 * `start(options)` for a test file: `run(line)` handles a line as the REPL does, `wake()` runs the turn an
 * idle REPL runs for queued work, `settle(check)` waits until `check()` is true (teammates run on their own),
 * `team()` is the session's team, `queued(name)` the messages pushed into `name`'s queue so far (from the
 * `inbox_queued` events), `untilIdle(...names)` waits until each is idle with every final answer it gave
 * queued for the lead, `close()` ends the session (every teammate stopped).
 */
export function testTeamSetup(addCleanup: AddCleanup) {
  return async <Setup extends TeamSetup = TeamSetup, Options extends TeamSetupOptions = TeamSetupOptions>(
    options: TestTeamOptions<Setup, Options>,
  ) => {
    const events: AgentEvent[] = [];
    const started = await startAgentTest(addCleanup, {
      script: options.script,
      files: options.files ?? {},
      model: DEFAULT_MODEL,
      homePrefix: "lcc-team-home-",
      ...(options.workspace ? { workspace: options.workspace } : {}),
      ...(options.home ? { home: options.home } : {}),
      async createAgent({ home, ...context }) {
        const setupOptions = {
          permissions: { mode: "acceptEdits" },
          home,
          teamClock: stillClock,
          teamColor: false,
          ...options.options,
        } as Options;
        const create =
          options.createSetup ?? (createTeamSetup as unknown as NonNullable<typeof options.createSetup>);
        const agent = await createSessionAgent<Setup>(
          (setup) => create(setup, setupOptions),
          options.ask ? { ...context, ask: options.ask } : context,
        );
        agent.subscribe((event) => events.push(event), { replay: false });
        return agent;
      },
    });
    const { agent } = started;
    const queued = (name: string) =>
      events.flatMap((event) => (event.type === "inbox_queued" && event.name === name ? event.messages : []));
    const isSettledIdle = async (name: string) => {
      if ((await agent.setup.team.roster.get(name))?.state !== "idle") return false;
      const idle = events.filter(
        (event) => event.type === "teammate_state" && event.name === name && event.state === "idle",
      );
      const reports = queued(LEAD_NAME).filter((message) => message.from === name && message.kind === "idle");
      return reports.length >= idle.length;
    };
    return {
      ...started,
      events,
      team: () => agent.setup.team,
      queued,
      untilIdle: (...names: string[]) =>
        waitUntil(async () => (await Promise.all(names.map(isSettledIdle))).every(Boolean)),
      wake: () => agent.wake?.run(new AbortController().signal) ?? Promise.resolve(false),
      settle: (check: () => boolean | Promise<boolean>, timeoutMs = 10_000) => waitUntil(check, timeoutMs),
      close: () => agent.close(),
    };
  };
}

/** Polls `check` every 10 ms until it is true; rejects after `timeoutMs` saying what it waited for. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms for ${check.toString().slice(0, 120)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
