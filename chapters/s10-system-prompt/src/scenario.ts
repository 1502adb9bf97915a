// The s10 demo and end-to-end scenario: a repository whose CLAUDE.md @imports the team's conventions;
// /prompt shows the sections, the scripted model follows the imported rule only if it reached the prompt,
// and a later prompt gets the changed git status as a reminder.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import type { MessageParam } from "@lcc/s01";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import type { PromptSetupOptions } from "./agent.ts";

/** No real ~/.claude/CLAUDE.md in the demo (the reader's own instructions stay out); edits run without asking. */
export const s10DemoOptions: PromptSetupOptions = {
  home: join(tmpdir(), "lcc-s10-demo-home"),
  permissions: { mode: "acceptEdits" },
};

/** The rule the imported file states; the scripted model obeys it only when the prompt contains it. */
export const IMPORTED_RULE = "Every shell script starts with `set -euo pipefail` right after the shebang.";

export const DEMO_FILES: Record<string, string> = {
  "CLAUDE.md":
    "# shop-api\n\nTeam conventions: @docs/conventions.md\n\nRun `pnpm test` before you say a change is done.\n",
  "docs/conventions.md": `# Conventions\n\n- ${IMPORTED_RULE}\n- Scripts live in scripts/.\n`,
  "package.json": '{ "name": "shop-api", "scripts": { "build": "tsc -p ." } }\n',
};

const systemText = (request: RecordedRequest) => JSON.stringify(request.body.system ?? "");

const lastUserText = (messages: readonly MessageParam[]) => JSON.stringify(messages.at(-1)?.content ?? "");

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS10Scenario(): DemoScenario {
  const steps: Array<(request: RecordedRequest) => FakeReply> = [
    (request) => {
      const obeys = systemText(request).includes("set -euo pipefail");
      const content = obeys
        ? "#!/usr/bin/env bash\nset -euo pipefail\n\npnpm build\n"
        : "#!/bin/sh\npnpm build\n";
      return reply(
        text(
          obeys
            ? "docs/conventions.md (imported by CLAUDE.md) wants strict mode in scripts."
            : "Writing the script.",
        ),
        toolUse("write_file", { path: "scripts/build.sh", content }),
      );
    },
    () => reply(text("Added scripts/build.sh: strict mode first, then pnpm build.")),
    (request) =>
      reply(
        text(
          lastUserText(request.body.messages).includes("?? scripts/")
            ? "Yes: git status now shows scripts/ as new and uncommitted."
            : "Nothing changed, as far as I was told.",
        ),
      ),
  ];
  let position = 0;
  return {
    files: DEMO_FILES,
    git: true,
    prompts: ["/prompt", "Add a script that runs the build.", "Anything new to commit?"],
    script: (request) =>
      steps[position++]?.(request) ?? reply(text("(the scripted model has nothing more to say)")),
  };
}
