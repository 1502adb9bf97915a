// `agent`: delegate a task to a subagent with a fresh context; only its final answer and a usage line come back.
import { formatCount } from "@lcc/chapter-kit";
import { defineTool, INTERRUPTED_MESSAGE, ToolError, type ToolResult } from "@lcc/s02";
import { z } from "zod";
import { type AgentType, DEFAULT_AGENT_TYPE, describeToolSelection } from "./agent-types.ts";
import {
  MAX_SUBAGENT_ROUNDS,
  runSubagent,
  type SubagentOutcome,
  type SubagentRuntime,
} from "./run-subagent.ts";
import type { SubagentUsage } from "./subagent-events.ts";

/** The agent tool's input; `typeNames` are listed in the schema so the model sees the valid values. */
export function agentInputSchema(typeNames: readonly string[]) {
  return z.object({
    description: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .describe("A short label for the task (3-5 words), shown to the user."),
    prompt: z
      .string()
      .trim()
      .min(1)
      .describe(
        "The complete, self-contained task. The subagent cannot see this conversation: include every detail it needs.",
      ),
    agent_type: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe(`One of: ${typeNames.join(", ")} (default ${DEFAULT_AGENT_TYPE}).`),
  });
}

export interface AgentToolOptions extends Omit<SubagentRuntime, "workspace" | "hooks" | "ask"> {
  /** The types the model may choose from (built-ins and custom, already loaded). */
  types: readonly AgentType[];
}

/** The tool description: what a subagent is, its limits, and every available type with its tools. */
export function describeAgentTool(types: readonly AgentType[], maxRounds = MAX_SUBAGENT_ROUNDS): string {
  const list = types.map((type) => {
    const description = type.description.replace(/\s+/g, " ").trim();
    return `- ${type.name}: ${description} [tools: ${describeToolSelection(type.tools)}]`;
  });
  return [
    "Start a subagent: a separate agent with a fresh, empty context, its own system prompt and a restricted tool set.",
    `It works only from your prompt, runs at most ${maxRounds} rounds, and returns only its final answer plus a`,
    "one-line usage summary; its tool calls and file contents never enter your context. Use it for investigations",
    "that would fill your context (reading many files, searching) and for self-contained side tasks. Subagents",
    `cannot start subagents. Available agent_type values (default ${DEFAULT_AGENT_TYPE}):`,
    ...list,
  ].join("\n");
}

/** One line the parent model reads after the child's answer. */
export function formatUsageLine(typeName: string, usage: SubagentUsage): string {
  const count = (value: number, unit: string) => `${formatCount(value)} ${unit}${value === 1 ? "" : "s"}`;
  return (
    `[${typeName} subagent: ${count(usage.rounds, "round")}, ${count(usage.toolCalls, "tool call")}, ` +
    `${count(usage.inputTokens, "input token")}, ${count(usage.outputTokens, "output token")}]`
  );
}

/** What the parent reads for each way a child can end. */
export function formatOutcome(
  type: AgentType,
  outcome: SubagentOutcome,
  maxRounds = MAX_SUBAGENT_ROUNDS,
): ToolResult {
  const usage = formatUsageLine(type.name, outcome.usage);
  const details = {
    agentType: type.name,
    reason: outcome.reason,
    usage: outcome.usage,
    transcriptPath: outcome.transcriptPath,
  };
  const lastText = outcome.finalText ? `\nIts last text was:\n${outcome.finalText}` : "";
  switch (outcome.reason) {
    case "aborted":
      return {
        content: `${INTERRUPTED_MESSAGE} The ${type.name} subagent was stopped.\n${usage}`,
        isError: true,
        details,
      };
    case "error": {
      const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      return {
        content: `The ${type.name} subagent failed: ${message}${lastText}\n${usage}`,
        isError: true,
        details,
      };
    }
    case "max_turns":
      return {
        content: `The ${type.name} subagent reached its ${maxRounds}-round limit before finishing.${lastText}\n${usage}`,
        isError: true,
        details,
      };
    default: {
      const answer = outcome.finalText || "(the subagent ended without a final answer)";
      const note =
        outcome.reason === "end_turn" ? "" : `\n(The subagent stopped with stop_reason ${outcome.reason}.)`;
      return { content: `${answer}${note}\n\n${usage}`, details };
    }
  }
}

/** "explore: Map the project" for an agent call, instead of its JSON. */
export function describeAgentCall(input: unknown): string {
  const record = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const type = typeof record.agent_type === "string" ? record.agent_type : DEFAULT_AGENT_TYPE;
  return typeof record.description === "string" ? `${type}: ${record.description}` : type;
}

/**
 * The agent tool. The child's tools are chosen at call time from the registry that dispatched the
 * call, so tools added by later chapters reach `general` children too; its per-call hooks are the
 * setup's childHooks, handed over in the tool context. Unknown types are refused with the list of
 * available ones. The parent's abort signal is the child's signal.
 */
export function createAgentTool(options: AgentToolOptions) {
  const { types, ...runtime } = options;
  const names = types.map((type) => type.name);
  return defineTool({
    name: "agent",
    description: describeAgentTool(types, runtime.maxRounds),
    input: agentInputSchema(names),
    parentOnly: true,
    summarizeInput: describeAgentCall,
    async run(
      { description, prompt, agent_type = DEFAULT_AGENT_TYPE },
      { workspace, signal, toolUseId, tools, childHooks, ask },
    ) {
      const type = types.find((candidate) => candidate.name === agent_type);
      if (!type)
        throw new ToolError(`Unknown agent_type "${agent_type}". Available types: ${names.join(", ")}.`);
      const task = { type, description, prompt, parentToolUseId: toolUseId, parentTools: tools.list() };
      const outcome = await runSubagent(task, { ...runtime, workspace, hooks: childHooks, ask }, signal);
      return formatOutcome(type, outcome, runtime.maxRounds);
    },
  });
}
