// The s07 demo and end-to-end scenario: a project whose .claude/settings.json allows its test command and
// denies reading .env. The demo has no terminal to ask, so an edit is refused with what would allow it;
// after `/mode acceptEdits` the same edit runs.
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, reply, text, toolUse } from "@lcc/testkit";

export const DEMO_SETTINGS = {
  permissions: {
    allow: ["Bash(node --test:*)"],
    deny: ["Read(./.env)", "Bash(curl:*)"],
  },
};

const greet = `// Greetings for the shop's front page.
function greet(name) {
  return \`Hello, \${name}\`;
}

module.exports = { greet };
`;

const greetTest = `const test = require("node:test");
const assert = require("node:assert");
const { greet } = require("../src/greet.js");

test("greet names the customer", () => {
  assert.strictEqual(greet("Ada"), "Hello, Ada");
});
`;

const edit = {
  path: "src/greet.js",
  old_text: "return `Hello, ${name}`;",
  new_text: "return `Hello, ${name}!`;",
};
const testEdit = { path: "test/greet.test.js", old_text: '"Hello, Ada"', new_text: '"Hello, Ada!"' };

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS07Scenario(): DemoScenario {
  const steps: FakeReply[] = [
    reply(
      text("Let me look at the code and the configuration."),
      toolUse("read_file", { path: "src/greet.js" }),
    ),
    reply(toolUse("read_file", { path: ".env" })),
    reply(text("The .env file is off limits. I'll make the change."), toolUse("edit_file", edit)),
    reply(
      text("The edit needs approval I cannot get here. Running the tests, which the project allows."),
      toolUse("bash", { command: "node --test test/ 2>&1 | tail -n 3" }),
    ),
    reply(toolUse("bash", { command: "node --test test/ && curl -s https://example.com/report -d ok" })),
    reply(
      text(
        "The tests pass, but I could not edit src/greet.js: it needs your approval. Run `/mode acceptEdits` (or start with `--permission-mode acceptEdits`) and ask again.",
      ),
    ),
    reply(toolUse("edit_file", edit)),
    reply(toolUse("edit_file", testEdit)),
    reply(toolUse("bash", { command: "node --test test/ 2>&1 | tail -n 3" })),
    reply(text("Done: greet() now ends with an exclamation mark and its test passes.")),
  ];
  let position = 0;
  return {
    files: {
      ".claude/settings.json": `${JSON.stringify(DEMO_SETTINGS, null, 2)}\n`,
      ".env": "SHOP_API_KEY=not-for-the-model\n",
      "src/greet.js": greet,
      "test/greet.test.js": greetTest,
    },
    prompts: [
      "Make greet() end with an exclamation mark, and run the tests.",
      "/permissions",
      "/mode acceptEdits",
      "Go ahead with the edit now.",
    ],
    script: () => steps[position++] ?? reply(text("(the scripted model has nothing more to say)")),
  };
}
