// Test helper for the dispatch tests: s02's real loop and SDK against the fake API with a given dispatch,
// and slow tools that record when each run started and ended.
import { setTimeout as sleep } from "node:timers/promises";
import {
  type AgentEvent,
  type AgentState,
  createStreamingCallModel,
  createToolRegistry,
  type DispatchToolCalls,
  defineTool,
  runAgentLoop,
  type Tool,
} from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, startFakeModel } from "@lcc/testkit/vitest";
import { z } from "zod";

/** One tool run: its label and when it started and ended (performance.now(), ms). */
export interface RunInterval {
  label: string;
  start: number;
  end: number;
}

/**
 * `slow_read {label, ms?, fail?}` (readOnly, concurrencySafe) or, with `mutating`, `slow_write {label, ms?}`:
 * sleeps `ms` (default 300; the signal cuts it short), records its interval in `log`, answers "<name> <label>"
 * or throws when `fail`.
 */
export function createSlowTool(log: RunInterval[], mutating = false): Tool {
  return defineTool({
    name: mutating ? "slow_write" : "slow_read",
    description: "Sleeps, then answers with its label.",
    input: z.object({ label: z.string(), ms: z.number().optional(), fail: z.boolean().optional() }),
    ...(mutating ? {} : { readOnly: true, concurrencySafe: true }),
    async run({ label, ms = 300, fail }, { signal }) {
      const start = performance.now();
      try {
        await sleep(ms, undefined, { signal });
      } finally {
        log.push({ label, start, end: performance.now() });
      }
      if (fail) throw new Error(`${label} could not be read`);
      return `${mutating ? "wrote" : "read"} ${label}`;
    },
  });
}

/**
 * `call_tool {name, input}`: forwards a call to one of `targets` by name (s19's use_tool does the same over
 * its catalogue); an unknown name is refused with a message.
 */
export function createForwardingTool(targets: readonly Tool[]): Tool {
  return defineTool({
    name: "call_tool",
    description: "Calls one of the other tools by name.",
    input: z.object({ name: z.string(), input: z.record(z.string(), z.unknown()) }),
    forward: (input) => {
      const { name, input: inner } = input as { name: string; input: unknown };
      const target = targets.find((tool) => tool.name === name);
      return target ? { tool: target, input: inner } : `No tool named ${name}.`;
    },
    async run() {
      return "call_tool only forwards";
    },
  });
}

/** True when the two intervals share any moment. */
export function overlap(a: RunInterval, b: RunInterval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The largest number of intervals in flight at one moment (checked at each start). */
export function peakConcurrency(intervals: readonly RunInterval[]): number {
  const inFlightAt = (moment: number) =>
    intervals.filter((other) => other.start <= moment && moment < other.end).length;
  return Math.max(0, ...intervals.map((one) => inFlightAt(one.start)));
}

/** `setup(script, tools, dispatch)`: the loop on "go", its fake API and workspace cleaned up after each test. */
export function dispatchLoopSetup(addCleanup: AddCleanup) {
  return async (script: Script, tools: Tool[], dispatch: DispatchToolCalls) => {
    const { fake, workspace, client, cleanup } = await startFakeModel({ script });
    addCleanup(cleanup);
    const events: AgentEvent[] = [];
    const state: AgentState = { messages: [{ role: "user", content: "go" }] };
    const options = {
      callModel: createStreamingCallModel(client),
      model: "claude-test",
      maxTokens: 1024,
      system: "test system",
      tools: createToolRegistry(tools),
      workspace,
      dispatch,
      onEvent: (event: AgentEvent) => events.push(event),
    };
    return {
      fake,
      state,
      events,
      run: (signal: AbortSignal = new AbortController().signal) => runAgentLoop(state, options, signal),
    };
  };
}
