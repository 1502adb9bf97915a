// The s02 demo and end-to-end scenario: read, a refused ambiguous edit, a fixed edit, a check run.
import type { DemoScenario } from "@lcc/chapter-kit";
import { reply, text, toolUse } from "@lcc/testkit";

export const s02Scenario: DemoScenario = {
  files: {
    "greet.js":
      'function greet(name) {\n  return "Hello, " + name;\n}\nconsole.log(greet("world"));\nconsole.log(greet("reader"));\n',
  },
  prompts: ["Make greet.js use a template literal, then run it."],
  script: [
    reply(text("I'll read the file first."), toolUse("read_file", { path: "greet.js" })),
    reply(
      toolUse("edit_file", {
        path: "greet.js",
        old_text: "console.log(greet(",
        new_text: "console.info(greet(",
      }),
    ),
    reply(
      text("That text is not unique; I'll edit the return line instead."),
      toolUse("edit_file", { path: "greet.js", old_text: '"Hello, " + name', new_text: "`Hello, ${name}`" }),
    ),
    reply(toolUse("read_file", { path: "../outside.txt" })),
    reply(toolUse("bash", { command: "node greet.js" })),
    reply(text("Done: greet.js now uses a template literal and still prints both greetings.")),
  ],
};
