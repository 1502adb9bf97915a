// The catalog, the work copy, --reset and progress.json, on a fake catalog in a temp folder (no vitest runs).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareWorkCopy } from "./copy-exercise.ts";
import { createCatalog, selectExercises } from "./exercise-catalog.ts";
import { runExerciseCommand } from "./exercise-command.ts";
import { readProgress, withResult, writeProgress } from "./exercise-progress.ts";
import { ADD_RIGHT, ADD_TEST, ADD_WRONG, createFakeCatalog } from "./fake-exercises.ts";
import { progressFileOf, workCopyOf } from "./learner-run.ts";
import { formatVerifyReport, verifyExercises } from "./verify-exercises.ts";

const add = { starter: { "add.ts": ADD_WRONG }, solution: { "add.ts": ADD_RIGHT } };
const fake = createFakeCatalog([
  { path: "s10-gamma/01-late", ...add },
  { path: "s02-beta/02-second", ...add, readme: "no heading here\n" },
  { path: "s02-beta/01-first", ...add, shared: { "add.test.ts": ADD_TEST, "fixtures/data.txt": "data\n" } },
  { path: "s02-beta/03-odd", starter: { "add.ts": ADD_WRONG }, solution: { "other.ts": ADD_RIGHT } },
]);
afterAll(() => fake.remove());

async function command(args: string[]): Promise<{ exitCode: number; lines: string[] }> {
  const lines: string[] = [];
  const exitCode = await runExerciseCommand(args, { layout: fake.layout, print: (line) => lines.push(line) });
  return { exitCode, lines };
}

describe("the catalog", () => {
  it("lists exercises in chapter order with titles from README's first line and the Goal section", () => {
    const catalog = createCatalog(fake.root);
    expect(catalog.map((exercise) => exercise.id)).toEqual(["s02/01", "s02/02", "s02/03", "s10/01"]);
    const [first] = catalog;
    expect(first?.title).toBe("Title of 01-first");
    expect(first?.goal).toBe("Make add work.");
    expect(first?.starterFiles).toEqual(["add.ts"]);
    expect(first?.sharedFiles).toEqual(["add.test.ts", "fixtures/data.txt"]);
    expect(first?.problems).toEqual([]);
  });

  it("reports a README without a title and starter and solution files that differ", () => {
    const catalog = createCatalog(fake.root);
    expect(catalog[1]?.title).toBe("02-second");
    expect(catalog[1]?.problems).toEqual(['README.md does not start with "# <title>"']);
    expect(catalog[2]?.problems.join()).toMatch(/starter\/ and solution\/ hold different files/);
  });

  it("selects by chapter, by id and by full folder names", () => {
    const catalog = createCatalog(fake.root);
    const ids = (query: string) => selectExercises(catalog, query).map((exercise) => exercise.id);
    expect(ids("s02")).toEqual(["s02/01", "s02/02", "s02/03"]);
    expect(ids("s02-beta")).toEqual(["s02/01", "s02/02", "s02/03"]);
    expect(ids("s02/02")).toEqual(["s02/02"]);
    expect(ids("s10-gamma/01-late")).toEqual(["s10/01"]);
    expect(ids("s02/01-first/")).toEqual(["s02/01"]);
    expect(ids("s03")).toEqual([]);
    expect(ids("s02/01/x")).toEqual([]);
  });

  it("is empty for a folder without chapters, and the command says so and fails", async () => {
    expect(createCatalog(join(fake.root, "s02-beta"))).toEqual([]);
    const lines: string[] = [];
    const layout = { ...fake.layout, root: join(fake.root, "s02-beta") };
    const exitCode = await runExerciseCommand(["--verify"], { layout, print: (line) => lines.push(line) });
    expect(exitCode).toBe(1);
    expect(lines.join("\n")).toMatch(/no exercises found/);
    expect(formatVerifyReport(await verifyExercises(layout, []))).toEqual({
      lines: ["✗ no exercises found", "1 problems"],
      exitCode: 1,
    });
  });
});

describe("the work copy", () => {
  it("refreshes the tests and fixtures but keeps the learner's edited file", () => {
    const [exercise] = createCatalog(fake.root);
    if (!exercise) throw new Error("no exercise");
    const target = workCopyOf(fake.layout, exercise);
    expect(prepareWorkCopy(exercise, target).createdFiles).toEqual(["add.ts"]);
    writeFileSync(join(target, "add.ts"), "// my attempt\n");
    writeFileSync(join(target, "add.test.ts"), "// tampered\n");
    writeFileSync(join(target, "fixtures/data.txt"), "changed\n");

    expect(prepareWorkCopy(exercise, target).createdFiles).toEqual([]);
    expect(readFileSync(join(target, "add.ts"), "utf8")).toBe("// my attempt\n");
    expect(readFileSync(join(target, "add.test.ts"), "utf8")).toBe(ADD_TEST);
    expect(readFileSync(join(target, "fixtures/data.txt"), "utf8")).toBe("data\n");
  });

  it("goes back to the starter on --reset, moving the old copy aside, and unmarks the exercise", async () => {
    const [exercise] = createCatalog(fake.root);
    if (!exercise) throw new Error("no exercise");
    const target = workCopyOf(fake.layout, exercise);
    prepareWorkCopy(exercise, target);
    writeFileSync(join(target, "add.ts"), "// my attempt\n");
    writeProgress(progressFileOf(fake.layout), withResult(readProgressOrFail(), exercise.path, true));

    const { exitCode, lines } = await command(["--reset", "s02/01"]);
    expect(exitCode).toBe(0);
    const backup = /moved to (\S+)\/$/.exec(lines[0] ?? "")?.[1];
    expect(backup).toMatch(
      /^exercises\/verify-runs\/runner-test-\w+\/work\/s02-beta\/01-first\.[\dT-]+Z\.bak$/,
    );
    expect(readFileSync(join(fake.layout.repoRoot, backup ?? "", "add.ts"), "utf8")).toBe("// my attempt\n");
    expect(readFileSync(join(target, "add.ts"), "utf8")).toBe(ADD_WRONG);
    expect(readProgressOrFail().solved[exercise.path]).toBeUndefined();

    // A second reset in the same second still keeps both old copies.
    const again = await command(["--reset", "s02/01"]);
    expect(again.lines[0]).not.toBe(lines[0]);
    expect(existsSync(join(fake.layout.repoRoot, backup ?? ""))).toBe(true);
  });

  it("prints the solution's path", async () => {
    const { exitCode, lines } = await command(["--solution", "s10/01"]);
    expect(exitCode).toBe(0);
    expect(lines[1]).toMatch(
      /^ {2}exercises\/verify-runs\/runner-test-\w+\/s10-gamma\/01-late\/solution\/add\.ts$/,
    );
  });
});

describe("progress.json", () => {
  it("is written atomically and read back", () => {
    const file = join(fake.root, "progress-roundtrip.json");
    writeProgress(file, withResult({ version: 1, solved: {} }, "s02-beta/01-first", true, new Date(0)));
    expect(readProgress(file)).toEqual({
      ok: true,
      progress: { version: 1, solved: { "s02-beta/01-first": "1970-01-01T00:00:00.000Z" } },
    });
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
  });

  it("is reported and kept untouched when it does not parse", async () => {
    const file = progressFileOf(fake.layout);
    writeFileSync(file, "{ not json");
    const listed = await command(["--list"]);
    expect(listed.lines[0]).toMatch(
      /^! exercises\/verify-runs\/runner-test-\w+\/work\/progress\.json cannot be read .*fix or delete it/,
    );
    expect(listed.lines.at(-1)).toBe("0 of 4 solved");
    const reset = await command(["--reset", "s02/02"]);
    expect(reset.lines.at(-1)).toMatch(/progress\.json cannot be read/);
    expect(readFileSync(file, "utf8")).toBe("{ not json");
    writeFileSync(file, JSON.stringify({ version: 1, solved: { "s02-beta/01-first": 5 } }));
    expect(readProgress(file).ok).toBe(false);
  });
});

describe("the command line", () => {
  it("rejects unknown options and a --reset without an exercise, with the help", async () => {
    for (const args of [["--nope"], ["--reset"], ["s02", "s10"]]) {
      const { exitCode, lines } = await command(args);
      expect(exitCode, args.join(" ")).toBe(2);
      expect(lines.join("\n")).toMatch(/pnpm exercise --list/);
    }
    expect((await command(["s99"])).exitCode).toBe(1);
  });
});

function readProgressOrFail() {
  const read = readProgress(progressFileOf(fake.layout));
  if (!read.ok) throw new Error(read.problem);
  return read.progress;
}
