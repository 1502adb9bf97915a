// The tool contract: a tool is data (name, description, zod schema) plus one async run function.
import type Anthropic from "@anthropic-ai/sdk";
import { type AskUser, askWithoutTerminal } from "@lcc/chapter-kit";
import { z } from "zod";
import type { AgentHooks } from "./hooks.ts";
import { createToolRegistry, type ToolRegistry } from "./registry.ts";

/** What a tool gets besides its input. Capabilities a tool needs come through its factory. */
export interface ToolContext {
  workspace: string;
  /** Aborts when the user interrupts the turn; tools pass it to spawn, fetch and fs calls. */
  signal: AbortSignal;
  toolUseId: string;
  /** The registry this call was dispatched from (the agent tool derives a child's tools from it). */
  tools: ToolRegistry;
  /** Per-call hooks a child agent started by this tool must run with (the setup's childHooks). */
  childHooks: AgentHooks;
  /** Asks the user (a refusal without a terminal). */
  ask: AskUser;
  /** Folders outside the workspace this call may touch, granted by the permission check (default none). */
  allowedRoots?: readonly string[];
}

/**
 * `content` is what the model reads; `details` is typed data for the UI, logs and tests (each tool
 * documents its own, e.g. BashDetails). `interrupted` says the user's abort cut the call short: the UI
 * reads this flag, never the text.
 */
export interface ToolResult {
  content: string | Array<Anthropic.TextBlockParam | Anthropic.ImageBlockParam>;
  isError?: boolean;
  interrupted?: boolean;
  details?: unknown;
}

export interface Tool<Schema extends z.ZodType = z.ZodType> {
  name: string;
  /** Written for the model: what it does, its limits, how to page. */
  description: string;
  input: Schema;
  /** Never mutates the workspace or the world (plan mode, explore subagents, parallel dispatch). */
  readOnly?: boolean;
  /** May run at the same time as other concurrency-safe calls of the same round (s20's dispatch). */
  concurrencySafe?: boolean;
  /**
   * May destroy what cannot be got back (overwrite or delete files, run arbitrary commands, drop a lane):
   * MCP's `destructiveHint`. Metadata only: nothing in s02–s18 acts on it; s20's router reports it.
   */
  destructive?: boolean;
  /** Belongs to the top-level conversation: never given to a subagent (agent, todo_write, compact). */
  parentOnly?: boolean;
  /**
   * Runs its `command` input through the user's shell, as bash does (s13's background_run): permission
   * rules and checks for Bash apply to it exactly as to bash (s07).
   */
  shellCommand?: boolean;
  /**
   * Changes only the agent's own state (s12's task graph, s13's own background commands), never the
   * workspace or the world: the permission check (s07) runs it without a question; a deny rule still wins.
   */
  ownStateOnly?: boolean;
  /**
   * The JSON schema the model sees, sent verbatim (s19: an MCP server's own schema). Absent: derived from
   * `input`, which always validates the call.
   */
  inputSchema?: Anthropic.Tool.InputSchema;
  /**
   * Registered and callable, but left out of the request's tool list (s19: a large MCP catalogue is found
   * through tool_search instead of listed).
   */
  deferred?: boolean;
  /**
   * Routes a call to another tool (s19's use_tool): the pipeline runs the returned tool with the returned
   * input, under that tool's name, so its permission rules and hooks apply. A string explains a refusal.
   */
  forward?(input: unknown): { tool: Tool; input: unknown } | string;
  /** One line describing a call for the user ("3 items", "explore: map the repo"); default: the main field. */
  summarizeInput?(input: unknown): string;
  /** Throws ToolError (or anything) on failure; the loop turns it into an is_error result. */
  run(input: z.infer<Schema>, context: ToolContext): Promise<ToolResult | string>;
}

/** A failure the model should read as-is (the message tells it its next move). */
export class ToolError extends Error {
  override name = "ToolError";
}

/** Identity helper that infers the input type from the schema. */
export function defineTool<Schema extends z.ZodType>(tool: Tool<Schema>): Tool<Schema> {
  return tool;
}

/** The tool as the Messages API expects it; the JSON schema is derived from the zod schema. */
export function toApiTool(tool: Tool): Anthropic.Tool {
  if (tool.inputSchema)
    return { name: tool.name, description: tool.description, input_schema: tool.inputSchema };
  const { $schema: _ignored, ...schema } = z.toJSONSchema(tool.input, { io: "input" }) as Record<
    string,
    unknown
  >;
  return {
    name: tool.name,
    description: tool.description,
    input_schema: schema as Anthropic.Tool.InputSchema,
  };
}

/** A tool may return a plain string; this makes it a ToolResult. */
export function normalizeResult(result: ToolResult | string): ToolResult {
  return typeof result === "string" ? { content: result } : result;
}

/** Plain text of a result's content (images are shown as a placeholder). */
export function resultText(result: ToolResult): string {
  if (typeof result.content === "string") return result.content;
  return result.content.map((block) => (block.type === "text" ? block.text : "[image]")).join("\n");
}

/**
 * A context for calling a tool outside the loop (tests, scripts): no other tools, no child hooks, and
 * asks refused as without a terminal, unless given.
 */
export function createToolContext(
  workspace: string,
  overrides: Partial<Omit<ToolContext, "workspace">> = {},
): ToolContext {
  return {
    workspace,
    signal: overrides.signal ?? new AbortController().signal,
    toolUseId: overrides.toolUseId ?? "toolu_direct",
    tools: overrides.tools ?? createToolRegistry([]),
    childHooks: overrides.childHooks ?? {},
    ask: overrides.ask ?? askWithoutTerminal,
  };
}
