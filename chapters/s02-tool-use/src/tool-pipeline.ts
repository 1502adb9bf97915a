// One tool call through the pipeline's phases, in one visible order:
// validate → preToolUse → permission (→ ask) → run → postToolUse → shapeResult → cap. Never throws.
import type Anthropic from "@anthropic-ai/sdk";
import { summarizeInput } from "@lcc/chapter-kit";
import { capOutput } from "@lcc/s01";
import type { AgentHooks, HookContext, ToolCall, ToolCallDecision } from "./hooks.ts";
import type { ToolRegistry } from "./registry.ts";
import { normalizeResult, resultText, type Tool, ToolError, type ToolResult } from "./tool.ts";
import { validateToolInput } from "./validate-input.ts";

export const INTERRUPTED_MESSAGE = "Interrupted by user: this tool call did not run to completion.";

/** The key under which the loop passes the raw text of a tool input that was not valid JSON. */
export const INVALID_JSON = "__invalid_json__";

export interface PipelineOptions {
  registry: ToolRegistry;
  hooks: AgentHooks;
  /** Per-call hooks handed to tools that start child agents. */
  childHooks: AgentHooks;
  context: HookContext;
}

/** Runs one call and answers it with exactly one tool_result; emits tool_start/tool_end around it. */
export async function runToolCall(
  asked: ToolCall,
  options: PipelineOptions,
): Promise<Anthropic.ToolResultBlockParam> {
  const { context } = options;
  const started = Date.now();
  const routed = routeCall(asked, options.registry);
  const call = routed.call;
  context.emit({ type: "tool_start", id: call.id, name: call.name, input: call.input });
  const result = context.signal.aborted
    ? { content: INTERRUPTED_MESSAGE, isError: true, interrupted: true }
    : capResult(routed.refusal ?? (await runPhases(call, options, routed.tool)));
  context.emit({
    type: "tool_end",
    id: call.id,
    name: call.name,
    input: call.input,
    output: resultText(result),
    isError: Boolean(result.isError),
    interrupted: Boolean(result.interrupted),
    details: result.details,
    durationMs: Date.now() - started,
  });
  return {
    type: "tool_result",
    tool_use_id: call.id,
    content: result.content,
    is_error: Boolean(result.isError),
  };
}

/**
 * A call to a forwarding tool (s19's use_tool) becomes a call to the tool it names, under that tool's name
 * and the same id; everything after this sees only the target. Other calls pass through unchanged. A target
 * that is parentOnly must be this registry's own tool (s20 defers parentOnly built-ins behind use_tool).
 */
export function routeCall(
  call: ToolCall,
  registry: ToolRegistry,
): { call: ToolCall; tool?: Tool; refusal?: ToolResult } {
  const router = registry.get(call.name);
  if (!router?.forward) return { call };
  const parsed = router.input.safeParse(call.input);
  if (!parsed.success) return { call };
  let target: ReturnType<NonNullable<Tool["forward"]>>;
  try {
    target = router.forward(parsed.data);
  } catch (error) {
    target = `${router.name} failed: ${message(error)}`;
  }
  if (typeof target === "string") return { call, refusal: { content: target, isError: true } };
  if (target.tool.forward)
    return { call, refusal: { content: `${router.name} cannot call ${target.tool.name}.`, isError: true } };
  // A parentOnly tool is reached only from the registry that holds it: never from a subagent's or teammate's.
  if (target.tool.parentOnly && registry.get(target.tool.name) !== target.tool)
    return {
      call,
      refusal: { content: `${target.tool.name} is not available to this agent.`, isError: true },
    };
  return { call: { id: call.id, name: target.tool.name, input: target.input }, tool: target.tool };
}

async function runPhases(call: ToolCall, options: PipelineOptions, routedTo?: Tool): Promise<ToolResult> {
  const { registry, hooks } = options;
  // 1. validate
  const tool = routedTo ?? registry.get(call.name);
  if (!tool) {
    const names = registry.names().join(", ");
    return { content: `Unknown tool "${call.name}". Available tools: ${names}.`, isError: true };
  }
  const raw = (call.input as Record<string, unknown> | undefined)?.[INVALID_JSON];
  if (typeof raw === "string") {
    const shown = raw.length > 500 ? `${raw.slice(0, 500)}…` : raw;
    const content = `The input of this ${tool.name} call was not valid JSON, so it did not run. Received: ${shown}\nCall the tool again with a valid JSON object.`;
    return { content, isError: true };
  }
  const validated = validateToolInput(tool, call.input);
  if (!validated.ok) return { content: validated.message, isError: true };
  let current: ToolCall = { ...call, input: validated.input };
  // The per-call phases see the tool's traits (s07 judges a later chapter's tool by its metadata).
  const context: HookContext = {
    ...options.context,
    tool: {
      name: tool.name,
      ...(tool.readOnly === undefined ? {} : { readOnly: tool.readOnly }),
      ...(tool.shellCommand === undefined ? {} : { shellCommand: tool.shellCommand }),
      ...(tool.ownStateOnly === undefined ? {} : { ownStateOnly: tool.ownStateOnly }),
    },
  };

  // 2. PreToolUse hooks, 3. permission — a deny in either ends the call; an ask goes to the user.
  let verdict: ToolCallDecision;
  for (const phase of ["pre_tool_use", "permission"] as const) {
    let decision: ToolCallDecision;
    try {
      decision =
        phase === "pre_tool_use"
          ? await hooks.preToolUse?.(current, context)
          : await hooks.permission?.(current, context, verdict);
    } catch (error) {
      return failed(`A ${phase === "pre_tool_use" ? "PreToolUse hook" : "permission check"} failed`, error);
    }
    if (decision)
      context.emit({ type: "tool_decision", id: call.id, name: call.name, phase, ...describe(decision) });
    if (decision?.kind === "deny")
      return { content: decision.reason, isError: true, details: { deniedBy: phase } };
    if (decision && (decision.kind === "rewrite" || decision.input !== undefined)) {
      const revalidated = validateToolInput(tool, decision.input);
      if (!revalidated.ok) return { content: revalidated.message, isError: true };
      current = { ...current, input: revalidated.input };
    }
    if (decision && decision.kind !== "rewrite") verdict = decision;
  }
  if (verdict?.kind === "ask") {
    const refusal = await askUser(tool, current, verdict.reason, context);
    if (refusal) return refusal;
  }

  // 4. run
  let result: ToolResult;
  try {
    context.signal.throwIfAborted();
    result = normalizeResult(
      await tool.run(current.input, {
        workspace: context.workspace,
        signal: context.signal,
        toolUseId: call.id,
        tools: registry,
        childHooks: options.childHooks,
        ask: context.ask,
        ...(verdict?.kind === "allow" && verdict.roots ? { allowedRoots: verdict.roots } : {}),
      }),
    );
  } catch (error) {
    result = context.signal.aborted
      ? { content: INTERRUPTED_MESSAGE, isError: true, interrupted: true }
      : {
          content: error instanceof ToolError ? error.message : `${tool.name} failed: ${message(error)}`,
          isError: true,
        };
  }
  if (context.signal.aborted && !result.interrupted) result = { ...result, interrupted: true };

  // 5. PostToolUse hooks, 6. shape — the tool has run: keep its result if a hook fails, and say so.
  for (const phase of ["postToolUse", "shapeResult"] as const) {
    try {
      result = (await hooks[phase]?.(current, result, context)) ?? result;
    } catch (error) {
      result = {
        ...result,
        content: `${resultText(result)}\n[a hook processing this result failed: ${message(error)}]`,
      };
    }
  }
  return result;
}

/** The generic question for an `ask` verdict; undefined when the user allowed the call, else the refusal. */
async function askUser(tool: Tool, call: ToolCall, reason: string | undefined, context: HookContext) {
  const summary = tool.summarizeInput?.(call.input) ?? summarizeInput(call.input);
  const answer = await context.ask(
    {
      source: "permission",
      question: `Allow ${tool.name}(${summary})?${reason ? ` (${reason})` : ""}`,
      takesText: true,
      choices: [
        { key: "y", label: "yes, run it" },
        { key: "n", label: "no, and tell the model what to do instead" },
      ],
    },
    context.signal,
  );
  if (answer.kind === "choice" && answer.key === "y") return undefined;
  const why = answer.kind === "unavailable" ? answer.reason : answer.text ? `: ${answer.text}` : "";
  const content =
    answer.kind === "unavailable"
      ? `Not run: this call needs the user's approval and ${why}.`
      : `The user refused this call${why}. Do not retry it as is; adjust your approach or ask the user.`;
  return { content, isError: true, details: { deniedBy: "user" } } satisfies ToolResult;
}

function describe(decision: NonNullable<ToolCallDecision>) {
  return {
    decision: decision.kind,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(decision.source ? { source: decision.source } : {}),
  };
}

function failed(what: string, error: unknown): ToolResult {
  return { content: `${what}, so the call did not run: ${message(error)}`, isError: true };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function capResult(result: ToolResult): ToolResult {
  if (typeof result.content === "string") return { ...result, content: capOutput(result.content) };
  const content = result.content.map((block) =>
    block.type === "text" ? { ...block, text: capOutput(block.text) } : block,
  );
  return { ...result, content };
}
