// The s06 demo and end-to-end scenario: a coding task whose context passes a tiny threshold, then /compact.
import { readFileSync } from "node:fs";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import type { CompactOptions } from "./compact-options.ts";
import { isSummaryRequest } from "./summary-request.ts";

/** The demo runs with a tiny threshold so that an auto-compaction happens within a few rounds. */
export const s06DemoOptions: Partial<CompactOptions> = { autoCompactTokens: 4_000 };

/** The summaries the scripted model writes (auto-compaction, then /compact), in the sections asked for. */
export const DEMO_SUMMARIES = [
  [
    "1. Goal — add restock(name, count) to src/inventory.js with tests; keep existing signatures unchanged.",
    "2. Current state — restock added after removeStock and exported; two restock tests appended to test/inventory.test.js; tests not run yet.",
    "3. Decisions — restock reuses findItem, so an unknown item throws like removeStock does.",
    "4. Files — src/inventory.js (restock added), test/inventory.test.js (restock tests), logs/stock.log (read; saved whole under .lcc/tool-results).",
    "5. Errors and fixes — none.",
    "6. Next steps — run `node --test test/`, then report to the user.",
    "7. The user's own words — \"Add restock(name, count) to src/inventory.js, with tests. Don't change the existing function signatures.\"",
  ].join("\n"),
  [
    "1. Goal — restock(name, count) in src/inventory.js with tests, existing signatures unchanged. Done.",
    "2. Current state — restock(name, count) returns the new quantity and throws `unknown item: <name>` for unknown items; 4 tests pass.",
    "3. Decisions — restock reuses findItem.",
    "4. Files — src/inventory.js, test/inventory.test.js.",
    "5. Errors and fixes — none.",
    "6. Next steps — none; wait for the user.",
    '7. The user\'s own words — "keep the restock API and its tests".',
  ].join("\n"),
];

const inventory = `// In-memory stock levels for the shop.
const items = new Map();

function findItem(name) {
  const item = items.get(name);
  if (!item) throw new Error(\`unknown item: \${name}\`);
  return item;
}

function addItem(name, price, quantity = 0) {
  if (items.has(name)) throw new Error(\`duplicate item: \${name}\`);
  items.set(name, { name, price, quantity });
}

function removeStock(name, count) {
  const item = findItem(name);
  if (count > item.quantity) throw new Error(\`only \${item.quantity} \${name} left\`);
  item.quantity -= count;
  return item.quantity;
}

function stockValue() {
  let total = 0;
  for (const item of items.values()) total += item.price * item.quantity;
  return total;
}

module.exports = { addItem, removeStock, stockValue, findItem };
`;

const inventoryTest = `const test = require("node:test");
const assert = require("node:assert");
const { addItem, removeStock } = require("../src/inventory.js");

test("removeStock lowers the quantity", () => {
  addItem("apple", 1, 5);
  assert.strictEqual(removeStock("apple", 2), 3);
});

test("removeStock refuses more than is left", () => {
  addItem("pear", 1, 1);
  assert.throws(() => removeStock("pear", 2), /only 1 pear left/);
});
`;

const stockLog = Array.from(
  { length: 700 },
  (_, index) =>
    `2026-03-0${1 + (index % 9)}T10:${String(index % 60).padStart(2, "0")}:00Z sold item=${["apple", "pear", "plum"][index % 3]} count=${1 + (index % 4)}`,
).join("\n");

const restockCode = `function restock(name, count) {
  const item = findItem(name);
  item.quantity += count;
  return item.quantity;
}

function stockValue() {`;

const restockTests = `test("restock raises the quantity", () => {
  addItem("plum", 2, 1);
  assert.strictEqual(restock("plum", 4), 5);
});

test("restock refuses an unknown item", () => {
  assert.throws(() => restock("kiwi", 1), /unknown item: kiwi/);
});
`;

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS06Scenario(): DemoScenario {
  const steps: FakeReply[] = [
    reply(text("I'll load the testing playbook first."), toolUse("load_skill", { name: "write-tests" })),
    reply(toolUse("read_file", { path: "src/inventory.js" })),
    reply(
      text("Checking recent stock movements for how restocking is logged."),
      toolUse("bash", { command: "cat logs/stock.log" }),
    ),
    reply(
      toolUse("edit_file", {
        path: "src/inventory.js",
        old_text: "function stockValue() {",
        new_text: restockCode,
      }),
    ),
    reply(
      toolUse("edit_file", {
        path: "src/inventory.js",
        old_text: "module.exports = { addItem, removeStock, stockValue, findItem };",
        new_text: "module.exports = { addItem, removeStock, restock, stockValue, findItem };",
      }),
    ),
    reply(
      toolUse("edit_file", {
        path: "test/inventory.test.js",
        old_text: 'const { addItem, removeStock } = require("../src/inventory.js");',
        new_text: 'const { addItem, removeStock, restock } = require("../src/inventory.js");',
      }),
    ),
    reply(toolUse("bash", { command: `cat >> test/inventory.test.js <<'EOF'\n\n${restockTests}EOF` })),
    reply(toolUse("bash", { command: "node --test test/ 2>&1 | tail -n 8" })),
    reply(
      text(
        "Done: `restock(name, count)` is exported from src/inventory.js, existing signatures are unchanged, and the 4 tests pass.",
      ),
    ),
  ];
  let position = 0;
  let summaries = 0;
  return {
    files: {
      "src/inventory.js": inventory,
      "test/inventory.test.js": inventoryTest,
      "logs/stock.log": `${stockLog}\n`,
      "skills/write-tests/SKILL.md": readFileSync(
        new URL("../../../skills/write-tests/SKILL.md", import.meta.url),
        "utf8",
      ),
    },
    prompts: [
      "Add restock(name, count) to src/inventory.js, with tests. Don't change the existing function signatures.",
      "/compact keep the restock API and its tests",
    ],
    script: (request) => {
      if (isSummaryRequest(request.body))
        return reply(text(DEMO_SUMMARIES[summaries++] ?? DEMO_SUMMARIES[1]!));
      return steps[position++] ?? reply(text("(the scripted model has nothing more to say)"));
    },
  };
}
