// The s08 demo and end-to-end scenario: a workspace whose .claude/settings.json guards bash, reminds
// after edits and adds context to each prompt; the scripted model meets each hook once.

import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import type { HookSetupOptions } from "./agent.ts";

/** The demo reads no real ~/.claude/settings.json: the reader's own hooks stay out of it. */
export const s08DemoOptions: HookSetupOptions = { home: join(tmpdir(), "lcc-s08-demo-home") };

/** PreToolUse on Bash: refuses `rm -rf` (exit 2, the reason on stderr goes to the model). */
export const GUARD_BASH_HOOK = `#!/bin/sh
# PreToolUse hook for Bash: exit 2 blocks the call and stderr tells the model why.
input=$(cat)
case "$input" in
  *'rm -rf'*) echo "rm -rf is not allowed in this repository: delete single files instead." >&2; exit 2 ;;
esac
exit 0
`;

/** PostToolUse on Edit|Write: JSON additionalContext reaches the model after the tool results. */
export const AFTER_EDIT_HOOK = `#!/bin/sh
# PostToolUse hook for Edit|Write: reminds the model of the changelog rule after every file change.
cat > /dev/null
echo '{"hookSpecificOutput":{"hookEventName":"PostToolUse","additionalContext":"Changelog rule: new entries go under ## Unreleased, newest first."}}'
`;

/** UserPromptSubmit: plain stdout becomes context for the model. */
export const PROMPT_CONTEXT_HOOK = `#!/bin/sh
# UserPromptSubmit hook: plain stdout is added to the prompt as context.
cat > /dev/null
echo "Project: shop-api. Release branch: main."
`;

export const DEMO_SETTINGS = {
  // s07's rules: edits run without asking and so does rm. The hook is the stricter guard on top.
  permissions: { defaultMode: "acceptEdits", allow: ["Bash(rm:*)"] },
  hooks: {
    UserPromptSubmit: [
      { hooks: [{ type: "command", command: 'sh "$CLAUDE_PROJECT_DIR/.claude/hooks/prompt-context.sh"' }] },
    ],
    PreToolUse: [
      {
        matcher: "Bash",
        hooks: [
          { type: "command", command: 'sh "$CLAUDE_PROJECT_DIR/.claude/hooks/guard-bash.sh"', timeout: 10 },
        ],
      },
    ],
    PostToolUse: [
      {
        matcher: "Edit|Write",
        hooks: [{ type: "command", command: 'sh "$CLAUDE_PROJECT_DIR/.claude/hooks/after-edit.sh"' }],
      },
    ],
  },
};

const changelog = "# Changelog\n\n## Unreleased\n\n## 1.2.0\n\n- Orders can be cancelled.\n";

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS08Scenario(): DemoScenario {
  const steps: FakeReply[] = [
    reply(text("I'll clear the old build output first."), toolUse("bash", { command: "rm -rf build" })),
    reply(
      text("The hook refuses rm -rf; deleting the single file instead."),
      toolUse("bash", { command: "rm build/app.js && ls build" }),
    ),
    reply(
      toolUse("edit_file", {
        path: "CHANGELOG.md",
        old_text: "## Unreleased\n",
        new_text: "## Unreleased\n\n- Removed the stale build output.\n",
      }),
    ),
    reply(text("Done: build/app.js is deleted and CHANGELOG.md has an entry under ## Unreleased.")),
  ];
  let position = 0;
  return {
    files: {
      ".claude/settings.json": `${JSON.stringify(DEMO_SETTINGS, null, 2)}\n`,
      ".claude/hooks/guard-bash.sh": GUARD_BASH_HOOK,
      ".claude/hooks/after-edit.sh": AFTER_EDIT_HOOK,
      ".claude/hooks/prompt-context.sh": PROMPT_CONTEXT_HOOK,
      "build/app.js": "console.log('old build');\n",
      "CHANGELOG.md": changelog,
    },
    prompts: ["/hooks", "Delete the stale build output and note it in the changelog."],
    script: () => steps[position++] ?? reply(text("(the scripted model has nothing more to say)")),
  };
}
