// Public surface of s04: the agent tool, agent types (built-in and .claude/agents), the child run, the state folder.
import "./subagent-events.ts";

export { createSubagentSetup, delegationSection, s04Chapter } from "./agent.ts";
export {
  AGENTS_DIRECTORY,
  type AgentFileParse,
  INHERITED_MODEL_VALUES,
  type LoadedAgentTypes,
  loadAgentTypes,
  parseAgentFile,
} from "./agent-definitions.ts";
export {
  type AgentToolOptions,
  agentInputSchema,
  createAgentTool,
  describeAgentCall,
  describeAgentTool,
  formatOutcome,
  formatUsageLine,
} from "./agent-tool.ts";
export {
  type AgentType,
  BUILT_IN_AGENT_TYPES,
  buildChildSystem,
  type ChildToolSelection,
  CLAUDE_CODE_TOOL_NAMES,
  DEFAULT_AGENT_TYPE,
  describeToolSelection,
  exploreAgentType,
  generalAgentType,
  selectChildTools,
  type ToolSelection,
} from "./agent-types.ts";
export { type FrontmatterParse, parseFrontmatter } from "./frontmatter.ts";
export { ensureLccHome, lccHome } from "./lcc-home.ts";
export {
  MAX_SUBAGENT_ROUNDS,
  runSubagent,
  type SubagentOutcome,
  type SubagentRuntime,
  type SubagentTask,
} from "./run-subagent.ts";
export type { SubagentUsage } from "./subagent-events.ts";
export { createSubagentRenderer } from "./subagent-renderer.ts";
export { type SubagentTranscript, transcriptFileName, writeSubagentTranscript } from "./transcript.ts";
