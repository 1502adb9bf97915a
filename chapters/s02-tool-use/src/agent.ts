// The s02 chapter: the s01 agent on the tool contract, with file tools and the seams.
import type { Chapter } from "@lcc/chapter-kit";
import { type AgentSetup, emptySetup, type SetupContext, type SystemSection } from "./agent-setup.ts";
import { createSessionAgent } from "./session-agent.ts";
import { createBashTool } from "./tools/bash.ts";
import { createEditFileTool } from "./tools/edit-file.ts";
import { createReadFileTool } from "./tools/read-file.ts";
import { createWriteFileTool } from "./tools/write-file.ts";

/** The section every chapter's system prompt starts with from s02 on: the workspace and the tools. */
export function baseSystemSections(workspace: string): SystemSection[] {
  return [
    {
      name: "identity",
      text: [
        "You are a coding agent working in a terminal, in the user's project.",
        `The workspace is ${workspace}; file tools take paths relative to it and cannot leave it.`,
        "Read before you edit. Prefer read_file/write_file/edit_file for files and bash for running things.",
        "Work in small, verifiable steps, and answer briefly with what you did when the task is done.",
      ].join("\n"),
    },
  ];
}

/**
 * s02's setup: the four core tools. Every later chapter starts from this. When a later chapter saves
 * long outputs to files (`largeOutputs`, s06), bash keeps up to `keepChars` and says so, and read_file
 * pages stay under the saving threshold (a page must never be saved to a file read with read_file again).
 * With `backgroundHandoff` (s13), bash moves a command past its timeout, or a server, to the background.
 */
export function createToolUseSetup(
  context: Pick<SetupContext, "workspace" | "largeOutputs" | "backgroundHandoff">,
): AgentSetup {
  const large = context.largeOutputs;
  const handoff = context.backgroundHandoff;
  return {
    ...emptySetup(),
    systemSections: baseSystemSections(context.workspace),
    tools: [
      createBashTool({
        ...(large ? { maxOutputChars: large.keepChars, savedOverChars: large.savedOverChars } : {}),
        ...(handoff ? { handoff } : {}),
      }),
      createReadFileTool(large ? { maxOutputChars: large.savedOverChars } : {}),
      createWriteFileTool(),
      createEditFileTool(),
    ],
  };
}

export const s02Chapter: Chapter = {
  id: "s02",
  title: "tool use",
  createAgent: (context) => createSessionAgent(createToolUseSetup, context),
};
