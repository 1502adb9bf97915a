// The s16 demo and end-to-end scenario: alice submits a plan, the lead rejects it with feedback, approves the
// revised one, alice does the work, and the lead shuts her down through the handshake; then /requests.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type TeamReply, teamScript } from "@lcc/s15";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import type { ProtocolSetupOptions } from "./agent.ts";
import { reactions, requestIdIn, shutdownAnswer } from "./protocol-script.ts";

export const DEMO_PROMPT =
  "Have a teammate fix the typos in notes.txt. Review its plan before it edits anything, and shut it down when it is done.";
export const FIRST_PLAN = "1. Rewrite notes.txt from scratch in clearer English.";
export const REVISED_PLAN = "1. Fix the two typos in notes.txt (teh, recieve).\n2. Change nothing else.";
export const FEEDBACK = "Only fix the typos: keep the wording and the headings.";

/** How long a teammate's message waits after the lead's last answer, so each arrives at the idle prompt. */
const PAUSE_MS = 300;

/** Options of the demo chapter: no real ~/.claude or ~/.lcc, and file edits allowed (no terminal to ask). */
export function s16DemoOptions(): ProtocolSetupOptions {
  return {
    home: join(tmpdir(), "lcc-s16-demo-home"),
    permissions: { mode: "acceptEdits" },
  };
}

/** The file alice fixes. */
export const NOTES = "# Notes\n\nWe shipped teh release on Monday.\nPlease recieve the build from CI.\n";

/** A fresh scenario (its scripted model keeps positions, so each run needs its own). */
export function createS16Scenario(): DemoScenario {
  // The lead answers at once; alice's messages to the lead wait until the lead is done with its turn (plus
  // a pause), so each one wakes the idle prompt as a DemoWait expects.
  let leadRestingSince: number | undefined;
  const lead = reactions(
    [
      [
        /Have a teammate fix the typos/,
        () =>
          reply(
            text("I'll ask a teammate and review its plan first."),
            toolUse("spawn_teammate", {
              name: "alice",
              role: "editor",
              prompt: "Fix the typos in notes.txt. Submit your plan with plan_submit before you edit.",
            }),
          ),
      ],
      [/plan_request req_[0-9a-f]{16}: 1\. Rewrite/, (request) => review(request, false, FEEDBACK)],
      [
        /plan_request req_[0-9a-f]{16}: 1\. Fix the two typos/,
        (request) => review(request, true, "Go ahead."),
      ],
      [
        /kind=\\"idle\\"[\s\S]*Fixed both typos/,
        () =>
          reply(
            text("The notes are fixed; asking alice to shut down."),
            toolUse("shutdown_request", { teammate: "alice", reason: "the typos are fixed" }),
          ),
      ],
      [/shutdown_response req_[0-9a-f]{16} approved/, () => reply(text("Alice agreed and has stopped."))],
      [/Asked alice to shut down/, () => reply(text("Waiting for alice's answer."))],
      [/Plan req_[0-9a-f]{16} from alice rejected/, () => reply(text("Asked alice for a narrower plan."))],
      [/Plan req_[0-9a-f]{16} from alice approved/, () => reply(text("Approved alice's revised plan."))],
    ],
    reply(text("Alice is on it; her plan comes first.")),
  );
  const afterLead = async (next: FakeReply): Promise<FakeReply> => {
    for (;;) {
      const since = leadRestingSince;
      if (since !== undefined && Date.now() - since >= PAUSE_MS) return next;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const alice: TeamReply[] = [
    () => afterLead(reply(toolUse("plan_submit", { plan: FIRST_PLAN }))),
    () => afterLead(reply(toolUse("plan_submit", { plan: REVISED_PLAN }))),
    reply(toolUse("read_file", { path: "notes.txt" })),
    reply(toolUse("edit_file", { path: "notes.txt", old_text: "teh", new_text: "the" })),
    reply(toolUse("edit_file", { path: "notes.txt", old_text: "recieve", new_text: "receive" })),
    () => afterLead(reply(text("Fixed both typos in notes.txt (teh → the, recieve → receive)."))),
    (request) => afterLead(shutdownAnswer(true)(request)),
  ];
  return {
    files: { "notes.txt": NOTES },
    prompts: [DEMO_PROMPT, ...Array.from({ length: 4 }, () => ({ waitForWake: true as const })), "/requests"],
    script: teamScript(
      {
        lead: (request) => {
          const answer = lead(request);
          const ends = !answer.content?.some((block) => block.type === "tool_use");
          leadRestingSince = ends ? Date.now() : undefined;
          return answer;
        },
        alice,
      },
      () => reply(text("(the scripted model has nothing more to say)")),
    ),
  };
}

function review(request: RecordedRequest, approve: boolean, feedback: string): FakeReply {
  return reply(toolUse("plan_review", { request_id: requestIdIn(request, "plan"), approve, feedback }));
}
