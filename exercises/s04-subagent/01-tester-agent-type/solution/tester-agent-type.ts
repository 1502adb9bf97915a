// Solution s04/01: a built-in `tester` subagent type: it runs the project's tests and reports, and it
// cannot change a file, because write_file and edit_file are not among its tools at all.
import type { AgentType } from "@lcc/s04";

/** The `tester` type for a project whose tests run with `testCommand` (e.g. "npm test"). */
export function createTesterAgentType(options: { testCommand: string }): AgentType {
  return {
    name: "tester",
    description:
      "Runs the project's tests and reports which fail and why, with file paths. Cannot change files.",
    systemPrompt: [
      "You are a tester subagent working for another agent. You run tests and report; you never change a file.",
      `Run the tests with \`${options.testCommand}\` (add arguments to run a single file if your task names one).`,
      "For each failing test read the test and the code it calls, then report: the test's name, path:line, what",
      "was expected and what happened. End with the counts of passing and failing tests.",
    ].join("\n"),
    // The shell runs the tests and read_file reads them; no write_file or edit_file.
    tools: { kind: "named", names: ["bash", "read_file"] },
    source: "built-in",
  };
}
