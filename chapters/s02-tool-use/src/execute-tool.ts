// Runs one tool call through validate → beforeToolCall → run → afterToolCall → cap. Never throws.
import type Anthropic from "@anthropic-ai/sdk";
import { capOutput } from "@lcc/s01";
import type { AgentHooks, HookContext, ToolCall } from "./hooks.ts";
import type { ToolRegistry } from "./registry.ts";
import { normalizeResult, resultText, ToolError, type ToolResult } from "./tool.ts";
import { validateToolInput } from "./validate-input.ts";

export const INTERRUPTED_MESSAGE = "Interrupted by user: this tool call did not run to completion.";

export interface ExecuteOptions {
  registry: ToolRegistry;
  hooks: AgentHooks;
  context: HookContext;
}

/** Executes the tool_use blocks of one assistant message in order; every call gets exactly one result. */
export async function executeToolCalls(
  calls: readonly ToolCall[],
  options: ExecuteOptions,
): Promise<Anthropic.ToolResultBlockParam[]> {
  const blocks: Anthropic.ToolResultBlockParam[] = [];
  for (const call of calls) {
    const started = Date.now();
    options.context.emit({ type: "tool_start", id: call.id, name: call.name, input: call.input });
    const result = options.context.signal.aborted
      ? { content: INTERRUPTED_MESSAGE, isError: true }
      : await executeToolCall(call, options);
    const output = resultText(result);
    options.context.emit({
      type: "tool_end",
      id: call.id,
      name: call.name,
      input: call.input,
      output,
      isError: Boolean(result.isError),
      details: result.details,
      durationMs: Date.now() - started,
    });
    blocks.push({
      type: "tool_result",
      tool_use_id: call.id,
      content: result.content,
      is_error: Boolean(result.isError),
    });
  }
  return blocks;
}

/**
 * One call; any failure (unknown tool, invalid input, a block, a throw from the tool or from a hook)
 * becomes an is_error result. Never throws. The result is capped after `afterToolCall`.
 */
export async function executeToolCall(call: ToolCall, options: ExecuteOptions): Promise<ToolResult> {
  const { registry, hooks, context } = options;
  const tool = registry.get(call.name);
  if (!tool) {
    const names = registry.names().join(", ");
    return { content: `Unknown tool "${call.name}". Available tools: ${names}.`, isError: true };
  }
  let validation = validateToolInput(tool, call.input);
  if (!validation.ok) return { content: validation.message, isError: true };
  let input = validation.input;
  let result: ToolResult;
  try {
    const before = await hooks.beforeToolCall?.({ ...call, input }, context);
    if (before?.kind === "block") return capResult({ content: before.reason, isError: true });
    if (before?.kind === "rewrite") {
      validation = validateToolInput(tool, before.input);
      if (!validation.ok) return { content: validation.message, isError: true };
      input = validation.input;
    }
    context.signal.throwIfAborted();
    result = normalizeResult(
      await tool.run(input, {
        workspace: context.workspace,
        signal: context.signal,
        toolUseId: call.id,
        tools: registry,
      }),
    );
  } catch (error) {
    result = { content: describeFailure(tool.name, error, context.signal), isError: true };
  }
  try {
    if (hooks.afterToolCall) result = await hooks.afterToolCall({ ...call, input }, result, context);
  } catch (error) {
    // The tool has run: keep what it returned and say that shaping it failed.
    const note = `[a hook processing this result failed: ${errorMessage(error)}]`;
    result = { ...result, content: `${resultText(result)}\n${note}` };
  }
  return capResult(result);
}

function describeFailure(toolName: string, error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return INTERRUPTED_MESSAGE;
  if (error instanceof ToolError) return error.message;
  return `${toolName} failed: ${errorMessage(error)}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function capResult(result: ToolResult): ToolResult {
  if (typeof result.content === "string") return { ...result, content: capOutput(result.content) };
  const content = result.content.map((block) =>
    block.type === "text" ? { ...block, text: capOutput(block.text) } : block,
  );
  return { ...result, content };
}
