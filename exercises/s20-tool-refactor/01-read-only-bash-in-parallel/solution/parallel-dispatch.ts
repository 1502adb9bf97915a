// SOLUTION (s20 01): s20's parallel dispatch where a bash call whose command only reads (isReadOnlyCommand)
// runs together with the other reads of its round, as a read-only, concurrency-safe tool's call does.
// Everything else is chapters/s20-tool-refactor/src/parallel-dispatch.ts unchanged.
import type Anthropic from "@anthropic-ai/sdk";
import {
  type DispatchToolCalls,
  INVALID_JSON,
  routeCall,
  type ToolCall,
  type ToolRegistry,
  validateToolInput,
} from "@lcc/s02";

export interface ParallelDispatchOptions {
  /** How many calls of one parallel run may be in flight at once (default 10; an integer ≥ 1). */
  maxConcurrency?: number;
}

/**
 * Claude Code's default (CLAUDE_CODE_MAX_TOOL_USE_CONCURRENCY = 10). A round rarely holds more read-only calls
 * than that, so the model's batch runs at once; the bound still keeps a runaway batch (50 greps, each a
 * child process on a 2-core machine) from opening everything together.
 */
export const DEFAULT_MAX_CONCURRENCY = 10;

/**
 * A DispatchToolCalls that runs consecutive calls whose tool is both `readOnly` and `concurrencySafe`
 * (and whose input is valid) at the same time, at most `maxConcurrency` at once. Every other call — a
 * mutating tool, an unknown tool, an invalid input — waits for everything before it and runs alone: it
 * never overlaps another call. Each call goes to `runCall` exactly once, even after an abort (runCall
 * answers "interrupted" then, as with sequentialDispatch); results come back in the calls' order. A
 * runCall that rejects (it should not) becomes an is_error result for that call only. Throws a
 * RangeError at creation for a maxConcurrency that is not an integer ≥ 1.
 */
export function createParallelDispatch(options: ParallelDispatchOptions = {}): DispatchToolCalls {
  const maxConcurrency = options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1)
    throw new RangeError(`maxConcurrency must be an integer ≥ 1, got ${maxConcurrency}`);
  return async (calls, runCall, registry) => {
    const results: Anthropic.ToolResultBlockParam[] = new Array(calls.length);
    const answer = async (index: number) => {
      const call = calls[index] as ToolCall;
      results[index] = await runCall(call).catch((error: unknown) => failedResult(call, error));
    };
    let start = 0;
    while (start < calls.length) {
      let end = start;
      while (end < calls.length && runsInParallel(calls[end] as ToolCall, registry)) end += 1;
      if (end === start) {
        await answer(start); // a barrier: alone, after everything before it
        start += 1;
        continue;
      }
      await runBounded(start, end, maxConcurrency, answer);
      start = end;
    }
    return results;
  };
}

/**
 * True when `call` may overlap other such calls: a known read-only, concurrency-safe tool with valid input.
 * A forwarding call (use_tool) is judged by its target and the target's input, as s02's routeCall resolves
 * them; a refused forward is a barrier. Never throws.
 */
export function runsInParallel(call: ToolCall, registry: ToolRegistry): boolean {
  const input = call.input as Record<string, unknown> | undefined;
  if (input && typeof input === "object" && INVALID_JSON in input) return false;
  const routed = routeCall(call, registry);
  if (routed.refusal) return false;
  const tool = routed.tool ?? registry.get(routed.call.name);
  if (!tool) return false;
  if (tool.name === "bash" && validateToolInput(tool, routed.call.input).ok) {
    const { command } = routed.call.input as { command?: unknown };
    return typeof command === "string" && isReadOnlyCommand(command);
  }
  if (!tool.readOnly || !tool.concurrencySafe) return false;
  return validateToolInput(tool, routed.call.input).ok;
}

/**
 * True when `command` is one simple command that only reads: `ls`, `cat`, `head`, `tail`, `wc`, `grep`,
 * `rg`, `pwd`, or `git status|log|diff|show`, with no shell operator (`;`, `&`, `|`, `<`, `>`, `$`, a
 * backquote, a newline) that could chain, redirect or substitute something else. Pure.
 */
export function isReadOnlyCommand(command: string): boolean {
  if (/[;&|<>$`\n\r]/.test(command)) return false;
  // Flags that make a reading command write a file (git's --output) or run a program (rg's --pre).
  if (/(^|\s)--(output|pre)\b/.test(command)) return false;
  return READ_ONLY_COMMAND.test(command.trim());
}

/** The first word (or git and its subcommand) of a command that only reads. */
const READ_ONLY_COMMAND = /^(ls|cat|head|tail|wc|grep|rg|pwd|git (status|log|diff|show))(\s|$)/;

/** Runs `answer(i)` for start ≤ i < end with at most `limit` in flight; calls start in index order. */
async function runBounded(
  start: number,
  end: number,
  limit: number,
  answer: (index: number) => Promise<void>,
) {
  let next = start;
  const worker = async () => {
    while (next < end) {
      const index = next;
      next += 1;
      await answer(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, end - start) }, worker));
}

function failedResult(call: ToolCall, error: unknown): Anthropic.ToolResultBlockParam {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    type: "tool_result",
    tool_use_id: call.id,
    content: `${call.name} failed inside the dispatcher: ${reason}`,
    is_error: true,
  };
}
