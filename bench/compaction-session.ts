// The scripted coding session of `pnpm bench compaction`: a generated project and 200 model rounds of
// reads (2–8 KB files), edits, shell runs with output, new files and an occasional huge log. Deterministic.
import type { FakeReply } from "@lcc/testkit";
import { reply, text, toolUse } from "@lcc/testkit";

export const SESSION_ROUNDS = 200;
export const SESSION_PROMPTS = 10;
const MODULES = 40;

/** A small seeded PRNG (mulberry32), so every run and every variant sees the same session. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CodingSession {
  files: Record<string, string>;
  prompts: string[];
  /** One reply per model round; each prompt's last round is a text-only answer. */
  steps: FakeReply[];
}

function moduleSource(index: number, bytes: number): { source: string; markers: string[] } {
  const lines = [
    `// Module ${index}: pricing rules for region ${index}.`,
    `import { round } from "./util";`,
    "",
  ];
  const markers: string[] = [];
  for (let rule = 0; lines.join("\n").length < bytes; rule++) {
    const marker = `// todo ${index}:${rule}`;
    markers.push(marker);
    lines.push(
      `/** Rule ${rule}: applies the regional factor to amounts above the threshold for tier ${rule % 7}. */`,
      `export function rule${index}_${rule}(amount: number, quantity: number): number {`,
      `  ${marker}`,
      `  const threshold = ${100 + rule * 13};`,
      `  if (amount * quantity < threshold) return round(amount * quantity);`,
      `  return round(amount * quantity * ${(1 + (rule % 9) / 100).toFixed(2)} + ${index});`,
      "}",
      "",
    );
  }
  return { source: lines.join("\n"), markers };
}

function testOutput(random: () => number, run: number): string {
  const lines = [`> pricing@1.0.0 test`, `> vitest run (run ${run})`, ""];
  const count = 30 + Math.floor(random() * 40);
  for (let test = 0; test < count; test++) {
    const failed = random() < 0.05;
    lines.push(
      `${failed ? " ✗" : " ✓"} src/module-${test % MODULES}.test.ts > rule ${test} rounds amounts (${Math.floor(random() * 9)} ms)`,
    );
    if (failed)
      lines.push(
        `   AssertionError: expected ${Math.floor(random() * 1000)} to be ${Math.floor(random() * 1000)}`,
      );
  }
  lines.push(
    "",
    ` Test Files  ${MODULES} passed`,
    ` Tests  ${count} passed`,
    ` Duration  ${(random() * 3).toFixed(2)}s`,
  );
  return lines.join("\n");
}

/** Builds the project and the 200-round script. Same seed, same session. */
export function createCodingSession(seed = 20_260_301): CodingSession {
  const random = createRandom(seed);
  const pick = <Item>(items: readonly Item[]): Item => items[Math.floor(random() * items.length)]!;
  const files: Record<string, string> = {
    "src/util.ts": "export const round = (value: number) => Math.round(value * 100) / 100;\n",
  };
  const markers = new Map<string, string[]>();
  for (let index = 0; index < MODULES; index++) {
    const path = `src/module-${index}.ts`;
    const generated = moduleSource(index, 2_000 + Math.floor(random() * 6_000));
    files[path] = generated.source;
    markers.set(path, generated.markers);
  }
  for (let run = 0; run < 12; run++) files[`reports/test-run-${run}.txt`] = testOutput(random, run);
  files["logs/server.log"] = Array.from(
    { length: 900 },
    (_, line) =>
      `2026-03-01T10:${String(line % 60).padStart(2, "0")}:00Z INFO request ${line} handled in ${line % 97} ms`,
  ).join("\n");

  const read: string[] = [];
  const steps: FakeReply[] = [];
  const perPrompt = SESSION_ROUNDS / SESSION_PROMPTS;
  let written = 0;
  for (let round = 0; round < SESSION_ROUNDS; round++) {
    if (round % perPrompt === perPrompt - 1) {
      steps.push(
        reply(
          text(
            `Done with step ${Math.floor(round / perPrompt) + 1}: the rules are updated and the tests pass.`,
          ),
        ),
      );
      continue;
    }
    const roll = random();
    const note = text(
      `Round ${round}: ${pick(["checking", "looking at", "updating", "verifying"])} the pricing rules.`,
    );
    if (roll < 0.45) {
      const again = read.length > 0 && random() < 0.35;
      const path = again ? pick(read.slice(-8)) : `src/module-${Math.floor(random() * MODULES)}.ts`;
      read.push(path);
      steps.push(reply(note, toolUse("read_file", { path })));
    } else if (roll < 0.65 && read.length > 0) {
      const path = pick(read.slice(-5));
      const marker = markers.get(path)?.shift();
      if (!marker) {
        steps.push(reply(note, toolUse("bash", { command: `wc -l ${path}` })));
        continue;
      }
      steps.push(
        reply(
          note,
          toolUse("edit_file", { path, old_text: marker, new_text: marker.replace("todo", "done") }),
        ),
      );
    } else if (roll < 0.9) {
      const command = pick([
        `cat reports/test-run-${Math.floor(random() * 12)}.txt`,
        `cat reports/test-run-${Math.floor(random() * 12)}.txt`,
        "ls -la src | head -n 30",
        `grep -n "export function" src/module-${Math.floor(random() * MODULES)}.ts | head -n 25`,
      ]);
      steps.push(reply(note, toolUse("bash", { command })));
    } else if (roll < 0.96) {
      const path = `src/generated-${written++}.ts`;
      steps.push(
        reply(note, toolUse("write_file", { path, content: moduleSource(100 + written, 3_000).source })),
      );
    } else {
      steps.push(reply(note, toolUse("bash", { command: "cat logs/server.log" })));
    }
  }
  const prompts = Array.from(
    { length: SESSION_PROMPTS },
    (_, index) => `Step ${index + 1}: update the pricing rules of the next regions, keep the tests green.`,
  );
  return { files, prompts, steps };
}

/** A structured summary of about 2,000 characters, what a model writes when asked to compact. */
export function benchSummary(count: number): string {
  const sections = [
    "Goal",
    "Current state",
    "Decisions",
    "Files",
    "Errors and fixes",
    "Next steps",
    "The user's own words",
  ];
  return sections
    .map(
      (section, index) =>
        `${index + 1}. ${section} — ${`compaction ${count}: pricing rules for regions, details. `.repeat(5)}`,
    )
    .join("\n");
}
