// The s18 demo and end-to-end scenario on a small git repository: the lead makes a task and a lane bound to
// it and spawns a teammate into the lane; the teammate fixes a file and commits there; the user stops it
// (/team stop, through the handshake); the lead removes the lane completing the task; /worktrees shows it.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { agentOfRequest, LEAD_NAME } from "@lcc/s15";
import { requestIdIn } from "@lcc/s16";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import type { WorktreeSetupOptions } from "./agent.ts";

export const DEMO_PROMPT =
  "hello.txt greets with a typo. Track the fix as a task, give it a lane of its own, and hand it to a teammate.";
export const REMOVE_PROMPT = "Alice has stopped. Remove her lane and complete the task.";
export const LANE = "greeting";
export const COMMIT_COMMAND = 'git commit -qam "Fix the greeting typo" && git log -1 --format=%s';

/** How long the teammate waits for the lead's first turn to end (its report then reaches an idle prompt), and
 * the lead for the roster to say the teammate is idle. */
const PAUSE_MS = 300;

/**
 * Options of the demo chapter: no real ~/.claude or ~/.lcc; file edits, lanes and the commit allowed as
 * `acceptEdits` and `allowedTools` would (the demo has no terminal to answer a permission question).
 */
export function s18DemoOptions(): WorktreeSetupOptions {
  return {
    home: join(tmpdir(), "lcc-s18-demo-home"),
    permissions: {
      mode: "acceptEdits",
      allowedTools: ["worktree_create", "worktree_remove", "Bash(git commit:*)"],
    },
  };
}

/** The newest message of a request as JSON text (what the scripted agents react to). */
const newest = (request: RecordedRequest) => JSON.stringify(request.body.messages.at(-1)?.content ?? "");

/** A fresh scenario (the teammate waits for the lead's first turn, so each run needs its own). */
export function createS18Scenario(): DemoScenario {
  // Opened PAUSE_MS after the lead's first turn gave its last answer; alice's first reply waits for it.
  let restLead = () => {};
  const leadRested = new Promise<void>((resolve) => {
    restLead = () => setTimeout(resolve, PAUSE_MS);
  });
  const lead = async (request: RecordedRequest): Promise<FakeReply> => {
    const said = newest(request);
    if (said.includes(`Lane ${LANE} removed`))
      return reply(
        text(
          `Lane ${LANE} is gone and task #1 is completed. The fix waits on branch wt/${LANE}: merge it with git merge wt/${LANE}.`,
        ),
      );
    if (said.includes(REMOVE_PROMPT))
      return reply(toolUse("worktree_remove", { name: LANE, complete_task: true }));
    if (said.includes("shutdown_response")) return reply(text("Alice has shut down; her lane can go."));
    if (said.includes('kind=\\"idle\\"')) {
      // The report reaches the lead just before the roster says idle: wait, so /team shows it idle.
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      return reply(
        text(
          `Alice committed the fix on wt/${LANE}; the main checkout is unchanged. Stop her (/team stop alice), then I remove the lane.`,
        ),
      );
    }
    if (said.includes("joined the team")) {
      restLead();
      return reply(text(`Alice is working in lane ${LANE}; the main checkout stays as it is.`));
    }
    if (said.includes("greets with a typo"))
      return reply(
        text("I'll track it as a task, make a lane for it, and hand the lane to a teammate."),
        toolUse("task_create", { subject: "Fix the greeting typo in hello.txt" }),
        toolUse("worktree_create", { name: LANE, task_id: 1 }),
        toolUse("spawn_teammate", {
          name: "alice",
          role: "developer",
          prompt: 'hello.txt says "Helo": fix it to "Hello" and commit the change.',
          worktree: LANE,
        }),
      );
    return reply(text("(the scripted model has nothing more to say)"));
  };
  const alice = async (request: RecordedRequest): Promise<FakeReply> => {
    const said = newest(request);
    if (said.includes("shutdown_request"))
      return reply(
        toolUse("shutdown_response", { request_id: requestIdIn(request, "shutdown"), approve: true }),
      );
    if (request.body.messages.length === 1) {
      await leadRested;
      return reply(
        text("Fixing it in my lane."),
        toolUse("edit_file", { path: "hello.txt", old_text: "Helo", new_text: "Hello" }),
        toolUse("bash", { command: COMMIT_COMMAND }),
      );
    }
    return reply(text(`Fixed hello.txt ("Helo" → "Hello") and committed it on wt/${LANE}.`));
  };
  return {
    git: true,
    files: { "hello.txt": "Helo, world!\n" },
    prompts: [DEMO_PROMPT, { waitForWake: true }, "/team", "/team stop alice", REMOVE_PROMPT, "/worktrees"],
    script: (request) => (agentOfRequest(request) === LEAD_NAME ? lead(request) : alice(request)),
  };
}
