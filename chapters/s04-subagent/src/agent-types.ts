// Agent types: who a subagent is (system prompt), what it may use (tools) and which model it runs on.
// Two built-ins, `explore` and `general`; custom ones come from `.claude/agents/*.md` (agent-definitions.ts).
import type { Tool } from "@lcc/s02";

/** Which of the parent's tools a child gets. */
export type ToolSelection =
  /** Tools marked `readOnly: true` (in s04: read_file; later chapters add more). */
  | { kind: "read-only" }
  /** Every tool the parent has. */
  | { kind: "all" }
  /** The tools named in an agent file. */
  | { kind: "named"; names: string[] };

export interface AgentType {
  name: string;
  /** One line for the model: when to pick this type. */
  description: string;
  systemPrompt: string;
  tools: ToolSelection;
  /** A model id; undefined runs the child on the parent's model. */
  model?: string;
  /** "built-in" or the path of the agent file. */
  source: string;
}

/** Claude Code's tool names, so an existing `.claude/agents/*.md` file keeps working here. */
export const CLAUDE_CODE_TOOL_NAMES: Readonly<Record<string, string>> = {
  Read: "read_file",
  Write: "write_file",
  Edit: "edit_file",
  MultiEdit: "edit_file",
  Bash: "bash",
  Glob: "glob",
  Grep: "grep",
  TodoWrite: "todo_write",
  Task: "agent",
  Agent: "agent",
};

export const DEFAULT_AGENT_TYPE = "general";

export const exploreAgentType: AgentType = {
  name: "explore",
  description:
    "Read-only investigation: finds and reads code to answer a question, and reports facts with file paths. Cannot change anything.",
  systemPrompt: [
    "You are an explore subagent: a read-only investigator working for another agent.",
    "Answer the question in your task by reading the code. You cannot change anything, and you have no shell:",
    "follow references from file to file (package.json, imports, configuration, README) instead of guessing.",
    "Read only what you need. Your final message is the only thing the other agent sees, so make it a concise",
    "report: the facts it asked for, the file paths (with line numbers where useful), and what you could not determine.",
  ].join("\n"),
  tools: { kind: "read-only" },
  source: "built-in",
};

export const generalAgentType: AgentType = {
  name: "general",
  description: "A general-purpose worker for a self-contained multi-step task.",
  systemPrompt: [
    "You are a general-purpose subagent working for another agent on one self-contained task.",
    "You cannot see the other agent's conversation: everything you know is in your task. Do the task fully,",
    "checking your work as you go. Your final message is the only thing returned, so state what you did, what",
    "you found or changed (with file paths) and anything left undone.",
  ].join("\n"),
  tools: { kind: "all" },
  source: "built-in",
};

export const BUILT_IN_AGENT_TYPES: readonly AgentType[] = [exploreAgentType, generalAgentType];

/** What a child gets: the selected parent tools, minus the excluded ones, plus names that matched nothing. */
export interface ChildToolSelection {
  tools: Tool[];
  /** Names an agent file listed that the parent does not have (reported to the user, not fatal). */
  missing: string[];
}

/**
 * Selects a child's tools from the parent's, in the parent's order. Never a `parentOnly` tool: `agent`
 * (no recursion), `todo_write` (the plan is the parent's), and whatever later chapters mark so.
 */
export function selectChildTools(selection: ToolSelection, parentTools: readonly Tool[]): ChildToolSelection {
  const allowed = parentTools.filter((tool) => !tool.parentOnly);
  if (selection.kind === "all") return { tools: allowed, missing: [] };
  if (selection.kind === "read-only")
    return { tools: allowed.filter((tool) => tool.readOnly === true), missing: [] };
  const wanted = new Set(selection.names.map((name) => CLAUDE_CODE_TOOL_NAMES[name] ?? name));
  const tools = allowed.filter((tool) => wanted.has(tool.name));
  const missing = [...wanted].filter((name) => !tools.some((tool) => tool.name === name));
  return { tools, missing };
}

/** How the tool description names a type's tools. */
export function describeToolSelection(selection: ToolSelection): string {
  if (selection.kind === "read-only") return "read-only tools";
  if (selection.kind === "all") return "every tool except the parent's own (agent, todo_write and the like)";
  return selection.names.map((name) => CLAUDE_CODE_TOOL_NAMES[name] ?? name).join(", ") || "no tools";
}

/** The child's system prompt: the type's own prompt plus where it works and how it ends. */
export function buildChildSystem(type: AgentType, workspace: string, maxRounds: number): string {
  return [
    type.systemPrompt.trim(),
    [
      `Workspace: ${workspace} (file tools take paths relative to it).`,
      `You have at most ${maxRounds} rounds. Only your final message is returned to the agent that started you.`,
    ].join("\n"),
  ].join("\n\n");
}
