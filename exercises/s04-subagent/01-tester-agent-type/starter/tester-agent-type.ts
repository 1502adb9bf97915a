// Exercise s04/01: a built-in `tester` subagent type: it runs the project's tests and reports, and it
// cannot change a file. Right now it is a copy of `general` under another name; see README.md.
import type { AgentType } from "@lcc/s04";

/** The `tester` type for a project whose tests run with `testCommand` (e.g. "npm test"). */
export function createTesterAgentType(_options: { testCommand: string }): AgentType {
  return {
    name: "tester",
    description: "A general-purpose worker for a self-contained multi-step task.",
    systemPrompt: "You are a general-purpose subagent working for another agent on one self-contained task.",
    tools: { kind: "all" },
    source: "built-in",
  };
}
