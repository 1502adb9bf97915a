// The s05 demo and end-to-end scenario: a review request, a mistyped skill name, the right skill, its checklist.
import { readFileSync } from "node:fs";
import type { DemoScenario } from "@lcc/chapter-kit";
import { reply, text, toolUse } from "@lcc/testkit";

/** The example skills shipped at the repository root, copied into the demo workspace as they are. */
const shippedSkills = [
  "code-review/SKILL.md",
  "code-review/checklist.md",
  "write-tests/SKILL.md",
  "git-commit/SKILL.md",
];
const skillFiles = Object.fromEntries(
  shippedSkills.map((path) => [
    `skills/${path}`,
    readFileSync(new URL(`../../../skills/${path}`, import.meta.url), "utf8"),
  ]),
);

const cart = `// Shopping cart totals.
function total(items, discountPercent = 0) {
  let sum = 0;
  for (let index = 1; index < items.length; index++) sum += items[index].price * items[index].quantity;
  return sum - (sum * discountPercent) / 100;
}

module.exports = { total };
`;

const cartTest = `const test = require("node:test");
const assert = require("node:assert");
const { total } = require("./cart.js");

test("an empty cart costs nothing", () => {
  assert.strictEqual(total([]), 0);
});
`;

export const s05Scenario: DemoScenario = {
  files: { ...skillFiles, "src/cart.js": cart, "src/cart.test.js": cartTest },
  prompts: ["Please review src/cart.js before I merge it."],
  script: [
    reply(
      text("There is a skill for reviews; I'll load it first."),
      toolUse("load_skill", { name: "review" }),
    ),
    reply(toolUse("load_skill", { name: "code-review" })),
    reply(
      text("The skill says to walk its checklist, which sits in the skill's folder."),
      toolUse("read_file", { path: "skills/code-review/checklist.md" }),
    ),
    reply(toolUse("read_file", { path: "src/cart.js" })),
    reply(toolUse("bash", { command: "node --test src/" })),
    reply(
      text(
        [
          "**Needs rework.**",
          "",
          "- [blocker] src/cart.js:4 — the loop starts at index 1, so the first item is never charged. Start at 0 (or use `reduce`).",
          "- [major] src/cart.test.js — only the empty cart is tested, which is why the suite passes. Add a test with one and with several items.",
          "- [minor] src/cart.js:5 — money is computed in floating point; use integer cents to avoid rounding drift.",
          "",
          "Verified: `node --test src/` passes (1 test). Not checked: callers of `total`, none are in this workspace.",
        ].join("\n"),
      ),
    ),
  ],
};
