// The s15 demo and end-to-end scenario: the lead splits a task between two teammates who work at the same
// time (alice writes a module, bob its test); their reports arrive at the idle prompt, the lead runs the
// test, and /team and /inbox show the team.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import type { TeamSetupOptions } from "./agent.ts";
import { agentOfRequest, type TeamReply, teamScript } from "./team-script.ts";

export const DEMO_PROMPT =
  "Add a slugify helper in src/slug.mjs with a node:test test in test/slug.test.mjs. Have two teammates write them at the same time, then run the test.";
export const TEST_COMMAND = "node --test test/slug.test.mjs";

export const MODULE = `// slugify("Crème brûlée!") === "creme-brulee"
export function slugify(text) {
  return text
    .normalize("NFKD")
    .replace(/[\\u0300-\\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
`;

export const TEST = `import assert from "node:assert/strict";
import { test } from "node:test";
import { slugify } from "../src/slug.mjs";

test("joins words with dashes", () => assert.equal(slugify("Hello World"), "hello-world"));
test("drops accents", () => assert.equal(slugify("Crème brûlée"), "creme-brulee"));
test("trims punctuation", () => assert.equal(slugify("  Ready, set... go!  "), "ready-set-go"));
`;

/** How long the teammates' final answers wait after the lead's turn ended, so they reach an idle prompt. */
const PAUSE_MS = 300;

/**
 * Options of the demo chapter: no real ~/.claude or ~/.lcc; file edits and the test command allowed, as
 * `acceptEdits` and `allowedTools` would (the demo has no terminal to answer a permission question).
 */
export function s15DemoOptions(): TeamSetupOptions {
  return {
    home: join(tmpdir(), "lcc-s15-demo-home"),
    permissions: { mode: "acceptEdits", allowedTools: [`Bash(${TEST_COMMAND})`] },
  };
}

/** A fresh scenario (its scripted model keeps positions, so each run needs its own). */
export function createS15Scenario(): DemoScenario {
  let leadRestingSince: number | undefined;
  let finished = 0;
  // The teammates' final answers wait until both have written their file and the lead has ended its turn,
  // then go together: their reports reach the idle prompt at the same moment on every run.
  let released: Promise<void> | undefined;
  const bothReleased = async () => {
    for (;;) {
      const since = leadRestingSince;
      if (finished === 2 && since !== undefined && Date.now() - since >= PAUSE_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const final =
    (answer: FakeReply): TeamReply =>
    async () => {
      finished += 1;
      released ??= bothReleased();
      await released;
      return answer;
    };
  const route = teamScript(
    {
      lead: [
        reply(
          text("Two independent pieces: alice takes the module, bob the test."),
          toolUse("spawn_teammate", {
            name: "alice",
            role: "module writer",
            prompt:
              "Write src/slug.mjs exporting slugify(text): lower-case, accents dropped, runs of other characters turned into one '-', no '-' at either end. Report when done.",
          }),
          toolUse("spawn_teammate", {
            name: "bob",
            role: "test writer",
            prompt:
              "Write test/slug.test.mjs with node:test for slugify from ../src/slug.mjs (alice is writing it): 'Hello World' → 'hello-world', 'Crème brûlée' → 'creme-brulee', '  Ready, set... go!  ' → 'ready-set-go'. Report when done.",
          }),
        ),
        reply(text("alice and bob are working at the same time; their reports will arrive here.")),
        reply(
          text("Both files are written. Running bob's test against alice's module."),
          toolUse("bash", { command: TEST_COMMAND }),
        ),
        reply(text("Done: alice wrote src/slug.mjs, bob wrote test/slug.test.mjs, and all 3 tests pass.")),
      ],
      alice: [
        reply(toolUse("write_file", { path: "src/slug.mjs", content: MODULE })),
        final(
          reply(text("Wrote src/slug.mjs: slugify(text) normalizes accents away and joins words with '-'.")),
        ),
      ],
      bob: [
        reply(toolUse("write_file", { path: "test/slug.test.mjs", content: TEST })),
        final(reply(text("Wrote test/slug.test.mjs: 3 cases (spaces, accents, punctuation)."))),
      ],
    },
    () => reply(text("(the scripted model has nothing more to say)")),
  );
  return {
    prompts: [DEMO_PROMPT, { waitForWake: true }, "/team", "/inbox"],
    script: async (request, index) => {
      const answer = typeof route === "function" ? await route(request, index) : reply();
      if (agentOfRequest(request) === "lead") {
        const ends = !answer.content?.some((block) => block.type === "tool_use");
        leadRestingSince = ends ? Date.now() : undefined;
      }
      return answer;
    },
  };
}
