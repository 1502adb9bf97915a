// --verify and the learner's run against real vitest (and tsc) child processes over a tiny fake catalog:
// a good exercise passes; a starter that passes, a starter that does not load, a failing solution, a solution
// that does not load and a solution with a type error are each reported.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalog } from "./exercise-catalog.ts";
import { runExerciseCommand } from "./exercise-command.ts";
import { readProgress } from "./exercise-progress.ts";
import { ADD_RIGHT, ADD_TEST, ADD_WRONG, createFakeCatalog } from "./fake-exercises.ts";
import { progressFileOf, workCopyOf } from "./learner-run.ts";
import { formatVerifyReport, type VerifyReport, verifyExercises } from "./verify-exercises.ts";

const GOOD_SOLUTION = `import { estimateTokens } from "@lcc/testkit";\n\nexport const nothing: number = estimateTokens("");\n${ADD_RIGHT}`;
const PACKAGE_TEST = `${ADD_TEST}import { pairingProblems } from "@lcc/testkit";\nit("sees testkit", () => {\n  expect(typeof pairingProblems).toBe("function");\n});\n`;

const SLOW_ADD = `export async function add(a: number, b: number): Promise<number> {\n  await new Promise((resolve) => setTimeout(resolve, 1000));\n  return a + b;\n}\n`;
const QUICK_TEST = `import { expect, it } from "vitest";\nimport { add } from "./add.ts";\nit("adds in time", async () => {\n  expect(await add(2, 3)).toBe(5);\n}, 200);\n`;

const fake = createFakeCatalog([
  {
    path: "s01-alpha/01-good",
    starter: { "add.ts": ADD_WRONG },
    solution: { "add.ts": GOOD_SOLUTION },
    shared: { "add.test.ts": PACKAGE_TEST },
  },
  {
    path: "s01-alpha/02-starter-passes",
    starter: { "add.ts": ADD_RIGHT },
    solution: { "add.ts": ADD_RIGHT },
  },
  {
    path: "s02-beta/01-starter-no-load",
    starter: { "add.ts": `import { helper } from "./helper.ts";\nexport const add = helper;\n` },
    solution: { "add.ts": ADD_RIGHT },
  },
  { path: "s02-beta/02-solution-fails", starter: { "add.ts": ADD_WRONG }, solution: { "add.ts": ADD_WRONG } },
  {
    path: "s02-beta/03-solution-no-load",
    starter: { "add.ts": ADD_WRONG },
    solution: { "add.ts": `throw new Error("broken at load");\n${ADD_RIGHT}` },
  },
  {
    path: "s03-gamma/02-starter-times-out",
    starter: { "add.ts": SLOW_ADD },
    solution: { "add.ts": ADD_RIGHT },
    shared: { "add.test.ts": QUICK_TEST },
  },
  {
    path: "s03-gamma/01-type-error",
    starter: { "add.ts": ADD_WRONG },
    solution: { "add.ts": `export const label: number = "three";\n${ADD_RIGHT}` },
  },
]);
afterAll(() => fake.remove());

describe("pnpm exercise --verify", () => {
  let report: VerifyReport;
  beforeAll(async () => {
    report = await verifyExercises(fake.layout, createCatalog(fake.root));
  }, 60_000);

  function problemsOf(path: string): string[] {
    return (
      report.verdicts.find((verdict) => verdict.exercise.path === path)?.problems ?? ["(not in the report)"]
    );
  }

  it("passes an exercise whose starter fails and whose solution passes and type-checks with @lcc imports", () => {
    expect(report.generalProblems).toEqual([]);
    expect(problemsOf("s01-alpha/01-good")).toEqual([]);
  });

  it("reports a starter that already passes", () => {
    expect(problemsOf("s01-alpha/02-starter-passes")).toEqual([
      "starter passes every test (it must fail until the exercise is done)",
    ]);
  });

  it("reports a starter that does not load, even though its test fails", () => {
    expect(problemsOf("s02-beta/01-starter-no-load")).toEqual([
      expect.stringMatching(/^starter does not load: add\.test\.ts: .*helper\.ts/),
    ]);
  });

  it("reports a solution that fails a test or does not load", () => {
    expect(problemsOf("s02-beta/02-solution-fails")).toEqual([
      expect.stringMatching(/^solution fails "adds two numbers": AssertionError: expected \+?0 to be 5/),
    ]);
    expect(problemsOf("s02-beta/03-solution-no-load")).toEqual([
      "solution does not load: add.test.ts: broken at load",
    ]);
  });

  it("reports a solution's type errors under its exercise", () => {
    expect(problemsOf("s03-gamma/01-type-error")).toEqual([
      expect.stringMatching(/^solution type error: add\.ts\(1,14\): TS2322: /),
    ]);
  });

  it("reports a starter whose tests fail only by timing out", () => {
    expect(problemsOf("s03-gamma/02-starter-times-out")).toEqual([
      "starter fails only by timing out (1 tests): a starter's tests must fail on an assertion",
    ]);
  });

  it("prints one line per exercise and a total, and fails on any problem", () => {
    // Timing notes depend on the machine's load: set them here instead of reading them from the run.
    const verdicts = report.verdicts.map((verdict) => ({ ...verdict, notes: [] }));
    const { lines, exitCode } = formatVerifyReport({ ...report, verdicts });
    expect(exitCode).toBe(1);
    expect(lines[0]).toBe("✓ s01/01 s01-alpha/01-good");
    expect(lines[1]).toMatch(/^✗ s01\/02 s01-alpha\/02-starter-passes: starter passes every test/);
    expect(lines.at(-1)).toBe("6 problems");
    const slow = verdicts.slice(0, 1).map((verdict) => ({ ...verdict, notes: ["slow: solution 3.5 s"] }));
    expect(formatVerifyReport({ ...report, verdicts: slow })).toEqual({
      lines: ["✓ s01/01 s01-alpha/01-good (slow: solution 3.5 s)", "1 exercises verified"],
      exitCode: 0,
    });
    const crashed = formatVerifyReport({ verdicts: [], generalProblems: ["no exercises found"] });
    expect(crashed).toEqual({ lines: ["✗ no exercises found", "1 problems"], exitCode: 1 });
  });
});

describe("pnpm exercise (the learner's run)", () => {
  it("runs the first unsolved exercise, records it once it passes and names the next one", async () => {
    const lines: string[] = [];
    const options = { layout: fake.layout, print: (line: string) => lines.push(line), echo: false };
    expect(await runExerciseCommand([], options)).toBe(1);
    const edit = `exercises/${fake.root.split("/exercises/")[1]}/work/s01-alpha/01-good/add.ts`;
    expect(lines).toContain(`  Edit: ${edit} (new copy of the starter)`);
    expect(lines).toContain("✗ s01/01 not solved yet: 1 of 2 tests fail");

    const [good] = createCatalog(fake.root);
    if (!good) throw new Error("no exercise");
    writeFileSync(join(workCopyOf(fake.layout, good), "add.ts"), GOOD_SOLUTION);
    lines.length = 0;
    expect(await runExerciseCommand([], options)).toBe(0);
    expect(lines).toContain(`  Edit: ${edit}`);
    expect(lines).toContain("✓ s01/01 solved");
    expect(lines.at(-1)).toBe("Next: s01/02 Title of 02-starter-passes — pnpm exercise s01/02");
    const read = readProgress(progressFileOf(fake.layout));
    expect(read.ok && Object.keys(read.progress.solved)).toEqual(["s01-alpha/01-good"]);
    expect(readFileSync(join(workCopyOf(fake.layout, good), "add.ts"), "utf8")).toBe(GOOD_SOLUTION);

    writeFileSync(progressFileOf(fake.layout), "{ not json");
    lines.length = 0;
    expect(await runExerciseCommand(["s01/01"], options)).toBe(0);
    expect(lines).toContain("✓ s01/01 solved");
    expect(lines.at(-1)).toMatch(/^! .*progress\.json cannot be read/);
    expect(readFileSync(progressFileOf(fake.layout), "utf8")).toBe("{ not json");
  }, 60_000);
});
