// The s04 chapter: the s03 agent plus the agent tool, which delegates work to subagents with fresh contexts.
import type { Chapter } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup, type SetupContext } from "@lcc/s02";
import { createTodoSetup, type TodoSetup } from "@lcc/s03";
import { loadAgentTypes } from "./agent-definitions.ts";
import { createAgentTool } from "./agent-tool.ts";
import { createSubagentRenderer } from "./subagent-renderer.ts";

export const delegationSection = [
  "Delegation: the agent tool starts a subagent with a fresh context. Send an explore subagent to answer",
  "questions that need many files read, so only its summary enters your context; use general (or a custom",
  "type) for self-contained side tasks. Write its prompt as a complete brief: it cannot see this conversation.",
].join("\n");

/**
 * s04's setup: s03's plus the agent tool. Agent types are the built-ins and `.claude/agents/*.md` of
 * the workspace, read once here; files that cannot be used are reported as warnings, never silently.
 */
export function createSubagentSetup(context: SetupContext): TodoSetup {
  const { types, problems } = loadAgentTypes(context.workspace);
  for (const problem of problems)
    context.emit({ type: "notice", source: "agents", level: "warn", text: problem });
  const agentTool = createAgentTool({
    types,
    callModel: context.callModel,
    // Read at each call, so switching the parent's model (lcc's /model) reaches subagents too.
    model: () => context.config.model,
    maxTokens: context.config.maxTokens,
    env: context.env ?? {},
    emit: context.emit,
  });
  return extendSetup(createTodoSetup(context), {
    systemSections: [{ name: "delegation", text: delegationSection }],
    tools: [agentTool],
    renderers: [createSubagentRenderer(context.workspace)],
  });
}

export const s04Chapter: Chapter = {
  id: "s04",
  title: "subagent",
  createAgent: (context) => createSessionAgent(createSubagentSetup, context),
};
