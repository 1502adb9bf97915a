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

/** One call; any failure (unknown tool, invalid input, refusal, throw) becomes an is_error result. */
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
  const before = await hooks.beforeToolCall?.({ ...call, input }, context);
  if (before?.kind === "block") return { content: before.reason, isError: true };
  if (before?.kind === "rewrite") {
    validation = validateToolInput(tool, before.input);
    if (!validation.ok) return { content: validation.message, isError: true };
    input = validation.input;
  }
  let result: ToolResult;
  try {
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
  if (hooks.afterToolCall) result = await hooks.afterToolCall({ ...call, input }, result, context);
  return capResult(result);
}

function describeFailure(toolName: string, error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return INTERRUPTED_MESSAGE;
  if (error instanceof ToolError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `${toolName} failed: ${message}`;
}

function capResult(result: ToolResult): ToolResult {
  if (typeof result.content === "string") return { ...result, content: capOutput(result.content) };
  const content = result.content.map((block) =>
    block.type === "text" ? { ...block, text: capOutput(block.text) } : block,
  );
  return { ...result, content };
}
