// Pure judgement of one exercise's test results: a starter copy must load and fail at least one test (not only
// by timing out); a
// solution copy (or a learner's solved copy) must load and pass every test it runs, and run at least one.
import type { TestFileResult, TestResult } from "./run-vitest.ts";

/** Problems with a starter copy's results ([] when it is a good starter). */
export function judgeStarter(files: TestFileResult[]): string[] {
  if (files.length === 0) return ["starter: no test file ran"];
  const loadProblems = files.flatMap((file) =>
    file.loadError === undefined
      ? []
      : [`starter does not load: ${baseName(file.file)}: ${firstLine(file.loadError)}`],
  );
  if (loadProblems.length > 0) return loadProblems;
  const failed = files.flatMap((file) => file.tests).filter((test) => test.status === "failed");
  if (failed.length === 0) return ["starter passes every test (it must fail until the exercise is done)"];
  if (failed.every(isTimeout)) {
    return [
      `starter fails only by timing out (${failed.length} tests): a starter's tests must fail on an assertion`,
    ];
  }
  return [];
}

/**
 * A test that ran past its timeout. vitest 4's JSON report gives such a failure as the stack of the error it
 * created when the test was defined ("Error: STACK_TRACE_ERROR"), not as "Test timed out in N ms".
 */
function isTimeout(test: TestResult): boolean {
  return /^Error: (Test timed out in \d+ms|STACK_TRACE_ERROR)/.test(test.failure ?? "");
}

/** Problems with a solution copy's results ([] when every test passes and at least one ran). */
export function judgeSolution(files: TestFileResult[]): string[] {
  const problems = files.flatMap((file) => {
    if (file.loadError !== undefined) {
      return [`solution does not load: ${baseName(file.file)}: ${firstLine(file.loadError)}`];
    }
    return file.tests
      .filter((test) => test.status === "failed")
      .map((test) => `solution fails "${test.name}": ${firstLine(test.failure ?? "")}`);
  });
  const passed = files.flatMap((file) => file.tests).filter((test) => test.status === "passed");
  if (problems.length === 0 && passed.length === 0) problems.push("solution: no test ran");
  return problems;
}

/** Counts for a learner's summary line. */
export function countTests(files: TestFileResult[]): { passed: number; failed: number; loadErrors: number } {
  const tests = files.flatMap((file) => file.tests);
  return {
    passed: tests.filter((test) => test.status === "passed").length,
    failed: tests.filter((test) => test.status === "failed").length,
    loadErrors: files.filter((file) => file.loadError !== undefined).length,
  };
}

function firstLine(text: string): string {
  const line = text.trim().split("\n", 1)[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
