// The s04 demo and end-to-end scenario: an explore subagent maps a small project and returns a summary,
// then the repository's own custom `reviewer` type (.claude/agents/reviewer.md) reviews one file.
import { readFileSync } from "node:fs";
import type { DemoScenario } from "@lcc/chapter-kit";
import { reply, text, toolUse } from "@lcc/testkit";

/** The example custom agent type shipped at the repository root. */
export const reviewerDefinition = readFileSync(
  new URL("../../../.claude/agents/reviewer.md", import.meta.url),
  "utf8",
);

const exploreSummary = [
  "tiny-cli is a one-command Node.js CLI.",
  "- package.json: the `tiny` bin is src/cli.js; `npm test` runs test/slug.test.js.",
  "- src/cli.js:1-4: joins its arguments and prints slugify(text).",
  "- src/slug.js:1-3: slugify() lowercases and turns each run of non-alphanumerics into one `-`.",
].join("\n");

const reviewFindings = [
  "1 blocking issue",
  "**Blocking**",
  '- src/slug.js:2: separators at the ends are kept, so slugify("Hello, World!") returns "hello-world-".',
  '  Fix: append .replace(/^-+|-+$/g, "") and add that case to test/slug.test.js.',
  "Checked: src/slug.js and its only caller src/cli.js. Not run: the tests.",
].join("\n");

export const s04Scenario: DemoScenario = {
  git: true,
  files: {
    "package.json": `${JSON.stringify({ name: "tiny-cli", bin: { tiny: "src/cli.js" }, scripts: { test: "node test/slug.test.js" } }, null, 2)}\n`,
    "src/cli.js":
      '#!/usr/bin/env node\nconst { slugify } = require("./slug.js");\nconst text = process.argv.slice(2).join(" ");\nconsole.log(slugify(text));\n',
    "src/slug.js":
      'function slugify(text) {\n  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");\n}\nmodule.exports = { slugify };\n',
    "test/slug.test.js":
      'const assert = require("node:assert");\nconst { slugify } = require("../src/slug.js");\nassert.strictEqual(slugify("Hello World"), "hello-world");\nconsole.log("ok");\n',
    ".claude/agents/reviewer.md": reviewerDefinition,
  },
  prompts: [
    "How is this project put together? Keep your own context small.",
    "Now have the reviewer look at src/slug.js.",
  ],
  script: [
    // Prompt 1: the parent delegates; the explore child reads three files; only its summary comes back.
    reply(
      text("I'll send an explore subagent, so the file contents stay out of my context."),
      toolUse("agent", {
        description: "Map the project",
        agent_type: "explore",
        prompt:
          "Explain how this project is structured: entry point, modules and how they connect. Start from package.json and give file paths.",
      }),
    ),
    reply(text("Starting from package.json."), toolUse("read_file", { path: "package.json" })),
    reply(toolUse("read_file", { path: "src/cli.js" }), toolUse("read_file", { path: "src/slug.js" })),
    reply(text(exploreSummary)),
    reply(
      text(
        "It is a tiny CLI: `tiny` (src/cli.js) passes its arguments to slugify() in src/slug.js. The explorer read three files; only its summary is in my context.",
      ),
    ),
    // Prompt 2: the custom reviewer type runs with only the tools its file lists.
    reply(
      toolUse("agent", {
        description: "Review slug.js",
        agent_type: "reviewer",
        prompt: "Review src/slug.js for bugs and missing tests. It is called from src/cli.js.",
      }),
    ),
    reply(
      toolUse("read_file", { path: "src/slug.js" }),
      toolUse("bash", { command: "grep -rn slugify src test" }),
    ),
    reply(text(reviewFindings)),
    reply(
      text(
        'The reviewer found one blocking issue: slugify() keeps separators at the ends ("hello-world-"). Want me to fix it and add the test?',
      ),
    ),
  ],
};
