// The s17 demo and end-to-end scenario: the lead puts three tasks on the board (the tests wait for the
// parser) and spawns a developer and a tester; each claims what its role allows while idle, does it and
// completes it; when the board is done the lead shuts both down through s16's handshake. Then /tasks, /team.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { createFastClock } from "@lcc/s14";
import { agentOfRequest, LEAD_NAME } from "@lcc/s15";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import type { AutonomySetupOptions } from "./agent.ts";
import { claimedTaskId, lastMessageText, shutdownRequestId } from "./scripted-team.ts";

export const DEMO_PROMPT =
  "Put the parser, its tests and the README on the task board (the tests wait for the parser) and let two teammates do them.";
/** How much faster than real time idle teammates' clock runs (a 5 s poll takes a second, the 60 s timeout 12). */
export const DEMO_SPEED = 5;

/** The board: subject, and the file the teammate that claims it writes. */
export const DEMO_TASKS = [
  {
    subject: "[developer] Write src/parser.ts",
    path: "src/parser.ts",
    content: 'export const parse = (text: string) => text.split(",");\n',
  },
  {
    subject: "[tester] Test src/parser.ts",
    path: "src/parser.test.ts",
    content: 'import { parse } from "./parser.ts";\nconsole.assert(parse("a,b").length === 2);\n',
  },
  {
    subject: "[developer] Write README.md",
    path: "README.md",
    content: "# csv\n\n`parse(text)` splits a line at commas.\n",
  },
] as const;

/** Options of the demo chapter: no real ~/.claude or ~/.lcc, file edits allowed, the idle clock 5× fast. */
export function s17DemoOptions(): AutonomySetupOptions {
  return {
    home: join(tmpdir(), "lcc-s17-demo-home"),
    permissions: { mode: "acceptEdits" },
    idleClock: createFastClock(Date.now(), DEMO_SPEED),
  };
}

/** A fresh scenario (its scripted model keeps state, so each run needs its own). */
export function createS17Scenario(): DemoScenario {
  const completed = new Set<number>();
  let approvals = 0;
  /**
   * Resolves once `check` holds (the lead "thinks" until its team has got that far; at most 30 s, so a demo
   * gone wrong ends and shows where), then a short pause.
   */
  const until = async (check: () => boolean, next: FakeReply): Promise<FakeReply> => {
    const deadline = Date.now() + 30_000;
    while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 300));
    return next;
  };

  const lead = (request: RecordedRequest): FakeReply | Promise<FakeReply> => {
    const newest = lastMessageText(request);
    if (request.body.messages.length === 1)
      return reply(
        text(
          "Three tasks, the tests after the parser; a developer and a tester will take them from the board.",
        ),
        toolUse("task_create", { subject: DEMO_TASKS[0].subject }),
        toolUse("task_create", { subject: DEMO_TASKS[1].subject, blockedBy: [1] }),
        toolUse("task_create", { subject: DEMO_TASKS[2].subject }),
        toolUse("spawn_teammate", {
          name: "alice",
          role: "developer",
          prompt: "Take your work from the board.",
        }),
        toolUse("spawn_teammate", { name: "bob", role: "tester", prompt: "Take your work from the board." }),
      );
    if (newest.includes("joined the team"))
      return until(
        () => completed.size === DEMO_TASKS.length,
        reply(
          text("The board is done. Asking both teammates to shut down."),
          toolUse("shutdown_request", { teammate: "alice", reason: "the board is done" }),
          toolUse("shutdown_request", { teammate: "bob", reason: "the board is done" }),
        ),
      );
    const answered = JSON.stringify(request.body.messages).match(
      /shutdown_response req_[0-9a-f]{16} approved/g,
    );
    // The pause before this last answer lets the lead's inbox acknowledge what it just took (a background
    // write) before the demo ends and its workspace is removed.
    if (answered?.length === 2 && /shutdown_response req_/.test(newest))
      return until(
        () => true,
        reply(text("alice and bob agreed and stopped: parser, tests and README are done.")),
      );
    if (newest.includes("Asked alice to shut down"))
      return until(() => approvals === 2, reply(text("Both were asked; their answers follow.\n")));
    return reply(text("Noted."));
  };

  const teammate = (request: RecordedRequest): FakeReply => {
    const newest = lastMessageText(request);
    const shutdown = shutdownRequestId(request);
    if (shutdown) {
      approvals += 1;
      return reply(text("Agreed."), toolUse("shutdown_response", { request_id: shutdown, approve: true }));
    }
    const claimed = claimedTaskId(request);
    if (claimed !== undefined) {
      const task = DEMO_TASKS[claimed - 1];
      return task
        ? reply(toolUse("write_file", { path: task.path, content: task.content }))
        : reply(text("I cannot do that one."));
    }
    const holding = currentTask(request);
    if (newest.startsWith("Updated task #") && holding !== undefined) {
      completed.add(holding);
      return reply(text(`#${holding} is done.`));
    }
    if (holding !== undefined && !completed.has(holding))
      return reply(toolUse("task_update", { id: holding, status: "completed" }));
    return reply(text("Ready: I take my work from the board."), toolUse("idle", {}));
  };

  return {
    prompts: [DEMO_PROMPT, "/tasks", "/team"],
    script: (request) => (agentOfRequest(request) === LEAD_NAME ? lead(request) : teammate(request)),
  };
}

/** The task a teammate's conversation handed it last (its newest <claimed-task>), if any. */
function currentTask(request: RecordedRequest): number | undefined {
  const ids = [...JSON.stringify(request.body.messages).matchAll(/<claimed-task id=\\"(\d+)\\">/g)];
  const last = ids.at(-1)?.[1];
  return last === undefined ? undefined : Number(last);
}
