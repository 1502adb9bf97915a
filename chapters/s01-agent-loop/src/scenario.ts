// The s01 demo and end-to-end scenario: one prompt, two shell calls, a final answer.
import type { DemoScenario } from "@lcc/chapter-kit";
import { reply, text, toolUse } from "@lcc/testkit";

export const s01Scenario: DemoScenario = {
  files: { "README.md": "# demo project\n", "src/app.js": "console.log('hello');\n" },
  prompts: ["What files are in this project, and what does the app print?"],
  script: [
    reply(text("Let me look at the workspace."), toolUse("bash", { command: "ls -R" })),
    reply(toolUse("bash", { command: "node src/app.js" })),
    reply(text("The project has README.md and src/app.js; running the app prints `hello`.")),
  ],
};
