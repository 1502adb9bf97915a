// The s03 demo and end-to-end scenario: a four-step plan, three rounds of work without updating it,
// the reminder that follows, and the plan brought up to date and finished.
import type { DemoScenario } from "@lcc/chapter-kit";
import { reply, text, toolUse } from "@lcc/testkit";
import type { TodoItem, TodoStatus } from "./todo-plan.ts";

const steps: Array<Omit<TodoItem, "status">> = [
  { content: "Read greet.js", activeForm: "Reading greet.js" },
  { content: "Add shout(name) to greet.js", activeForm: "Adding shout(name)" },
  { content: "Write greet.test.js", activeForm: "Writing the test" },
  { content: "Run the test", activeForm: "Running the test" },
];

/** The plan with the first `done` steps completed and the next one in progress. */
function planAt(done: number) {
  const status = (index: number): TodoStatus =>
    index < done ? "completed" : index === done ? "in_progress" : "pending";
  return { items: steps.map((step, index) => ({ ...step, status: status(index) })) };
}

const testFile = [
  'const assert = require("node:assert");',
  'const { shout } = require("./greet.js");',
  'assert.strictEqual(shout("ada"), "HELLO, ADA!");',
  'console.log("ok: shout works");',
  "",
].join("\n");

export const s03Scenario: DemoScenario = {
  files: {
    "greet.js": "function greet(name) {\n  return `Hello, ${name}`;\n}\nmodule.exports = { greet };\n",
  },
  prompts: ["Add a shout(name) function to greet.js, with a test, and run the test."],
  script: [
    reply(text("This takes a few steps, so I'll plan first."), toolUse("todo_write", planAt(0))),
    reply(toolUse("read_file", { path: "greet.js" })),
    reply(
      toolUse("edit_file", {
        path: "greet.js",
        old_text: "module.exports = { greet };",
        new_text:
          "function shout(name) {\n  return `${greet(name).toUpperCase()}!`;\n}\nmodule.exports = { greet, shout };",
      }),
    ),
    reply(toolUse("write_file", { path: "greet.test.js", content: testFile })),
    reply(text("Right, my plan is behind. Catching it up."), toolUse("todo_write", planAt(3))),
    reply(toolUse("bash", { command: "node greet.test.js" })),
    reply(toolUse("todo_write", planAt(4))),
    reply(text("Done: greet.js exports shout(name), and greet.test.js checks it and passes.")),
  ],
};
