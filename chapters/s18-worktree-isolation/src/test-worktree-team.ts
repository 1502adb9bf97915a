// Test helpers for s18 in a real session: a temp git repository, s15's team session helper with s18's setup
// (idle teammates on a clock that never moves, so they wait for messages), teammates that approve a
// shutdown request once their script runs out, and git run directly. Not part of the public surface.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { AskUser } from "@lcc/chapter-kit";
import { createManualClock } from "@lcc/s14";
import { LEAD_NAME, teamScript } from "@lcc/s15";
import { testTeamSetup } from "@lcc/s15/test-agent";
import {
  createTempWorkspace,
  type FakeReply,
  type RecordedRequest,
  reply,
  text,
  toolUse,
} from "@lcc/testkit";
import type { AddCleanup } from "@lcc/testkit/vitest";
import { createWorktreeSetup, type WorktreeSetup, type WorktreeSetupOptions } from "./agent.ts";

const execFileAsync = promisify(execFile);

/** Each agent's replies, in order (s15's teamScript). */
export type TeamReplies = Parameters<typeof teamScript>[0];

/** Runs git directly in `cwd` and returns stdout (as a person would). */
export async function runGit(args: string[], cwd: string): Promise<string> {
  return (await execFileAsync("git", args, { cwd })).stdout;
}

/** A reply given only once `until` has resolved (a teammate held until the lead's turn is over). */
export function heldUntil(until: Promise<unknown>, fakeReply: FakeReply) {
  return async () => {
    await until;
    return fakeReply;
  };
}

/** A promise and the function that resolves it. */
export function createSignal(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open: () => open() };
}

/** A repository with `notes.txt` and `src/app.txt` committed on `main`, removed after the test. */
export async function createTeamRepository(addCleanup: AddCleanup): Promise<string> {
  const workspace = await createTempWorkspace({
    git: true,
    files: { "notes.txt": "line one\n", "src/app.txt": "app v1\n" },
  });
  addCleanup(workspace.cleanup);
  return workspace.dir;
}

/** A teammate whose script ran out: it approves a shutdown request, otherwise says it has nothing to do. */
export function afterScript(agent: string, request: RecordedRequest) {
  const newest = JSON.stringify(request.body.messages.at(-1)?.content ?? "");
  const shutdown = /shutdown_request (req_[0-9a-f]{16})/.exec(newest)?.[1];
  if (agent !== LEAD_NAME && shutdown)
    return reply(toolUse("shutdown_response", { request_id: shutdown, approve: true }));
  return reply(text(agent === LEAD_NAME ? "Noted." : "Nothing more to do."));
}

/** teamScript with {@link afterScript} for whoever runs out. */
export function laneScript(replies: TeamReplies) {
  return teamScript(replies, afterScript);
}

/** The tests' permissions: acceptEdits, lanes made and removed and git commits run as `allowedTools` would. */
export const TEST_PERMISSIONS = {
  mode: "acceptEdits" as const,
  allowedTools: ["worktree_create", "worktree_remove", "Bash(git add:*)", "Bash(git commit:*)"],
};

export interface TestWorktreeOptions {
  replies: TeamReplies;
  /** The repository (default: a new one from createTeamRepository). */
  workspace?: string;
  options?: WorktreeSetupOptions;
  ask?: AskUser;
}

/**
 * `start(options)` for a test file: s15's handles (run, wake, settle, team, requests, events, close) on s18's
 * setup in a git repository, plus `lanes()` (the session's manager), `lanePath(name)`, `board()` and `git`.
 */
export function testWorktreeSetup(addCleanup: AddCleanup) {
  const start = testTeamSetup(addCleanup);
  return async (options: TestWorktreeOptions) => {
    const dir = options.workspace ?? (await createTeamRepository(addCleanup));
    const session = await start<WorktreeSetup, WorktreeSetupOptions>({
      script: laneScript(options.replies),
      workspace: dir,
      options: { permissions: TEST_PERMISSIONS, idleClock: createManualClock(0), ...options.options },
      createSetup: createWorktreeSetup,
      ...(options.ask ? { ask: options.ask } : {}),
    });
    const lanes = () => session.agent.setup.worktrees;
    return {
      ...session,
      /** Runs git directly in `cwd` (default the main checkout). */
      git: (args: string[], cwd = dir) => runGit(args, cwd),
      lanes,
      lanePath: (name: string) => join(lanes().folder, name),
      board: () => session.agent.setup.tasks,
      /** Runs a slash command and returns what it printed. */
      async command(line: string) {
        const before = session.output().length;
        await session.run(line);
        return session.output().slice(before);
      },
    };
  };
}
