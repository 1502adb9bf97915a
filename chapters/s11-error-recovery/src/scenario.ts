// The s11 demo and end-to-end scenario: an overloaded API answers 529 twice, then the model reads a
// file and writes a summary that hits the output limit and is continued.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, faults, reply, text, toolUse } from "@lcc/testkit";
import type { RecoverySetupOptions } from "./agent.ts";

/** The demo reads no real ~/.claude or ~/.lcc: the reader's own settings and memories stay out of it. */
export const s11DemoOptions: RecoverySetupOptions = { home: join(tmpdir(), "lcc-s11-demo-home") };

export const DEMO_PROMPT = "What changed in release 2.0? The notes are in RELEASE.md.";

const releaseNotes = `# Release 2.0

- Orders can be cancelled until they ship.
- Refunds are issued within one business day.
- The public API is rate limited per key (600 requests a minute).
`;

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS11Scenario(): DemoScenario {
  const steps: FakeReply[] = [
    faults.overloaded(),
    faults.overloaded(),
    reply(text("Reading the release notes."), toolUse("read_file", { path: "RELEASE.md" })),
    {
      ...reply(text("Release 2.0 changes three things: orders can be cancelled until they ship, refunds")),
      stop_reason: "max_tokens",
    },
    reply(
      text(
        " are issued within one business day, and the public API is rate limited to 600 requests a minute per key.",
      ),
    ),
  ];
  let position = 0;
  return {
    files: { "RELEASE.md": releaseNotes },
    prompts: [DEMO_PROMPT],
    script: () => steps[position++] ?? reply(text("(the scripted model has nothing more to say)")),
  };
}
