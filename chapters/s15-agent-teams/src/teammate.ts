// One teammate's life: s02's loop on its own history and message queue, run again each time work arrives.
// Between runs it is idle and really waits (its queue wakes it); it ends when told to finish or to stop.
import type { AskUser } from "@lcc/chapter-kit";
import { type MessageParam, textOf } from "@lcc/s01";
import {
  type AgentEvent,
  type AgentHooks,
  type AgentState,
  type CallModel,
  combineHooks,
  createMessageQueue,
  type EmitEvent,
  type LoopResult,
  type MessageQueue,
  runAgentLoop,
  type SystemPrompt,
  type ToolRegistry,
} from "@lcc/s02";
import type { MemberState } from "./roster.ts";
import "./team-events.ts";

/** Most model rounds one run of a teammate may take before it goes idle (a runaway guard). */
export const MAX_TEAMMATE_ROUNDS = 50;

/** A running teammate as the team (and later chapters' tools) hold it. */
export interface Teammate {
  readonly name: string;
  readonly role: string;
  /** Where its tools work: the workspace, or (s18) its worktree lane. */
  readonly workspace: string;
  /** Its own conversation. */
  readonly state: AgentState;
  /** The tools it can call. */
  readonly tools: ToolRegistry;
  /** Its inbox is delivered here (s17 also queues a claimed task); a push wakes it when idle. */
  readonly queue: MessageQueue;
  /** Aborted when it must stop at once (its running turn is interrupted). */
  readonly signal: AbortSignal;
  /** Its state as last written to the roster. */
  current(): MemberState;
  /** True once `finish` or `abort` was called: it is on its way out (`done` resolves when it is gone). */
  stopping(): boolean;
  /** Ends its life after the current round: no further model call (s16's approved shutdown). */
  finish(reason: string): void;
  /** Stops it now, interrupting a running turn. */
  abort(reason: string): void;
  /** Resolves once it has stopped and said so in the roster. */
  readonly done: Promise<void>;
}

/** What an idle teammate does until there is work ("work": its queue holds some) or it must stop. */
export type IdlePolicy = (teammate: Teammate) => Promise<"work" | "stop">;

/** s15's idle: wait for a message in the queue, or for the stop. No polling here: a push wakes it. */
export const waitForMessages: IdlePolicy = (teammate) =>
  new Promise((resolve) => {
    if (teammate.signal.aborted) return resolve("stop");
    if (teammate.queue.size() > 0) return resolve("work");
    const unsubscribe = teammate.queue.onPush(() => {
      unsubscribe();
      resolve("work");
    });
    teammate.signal.addEventListener(
      "abort",
      () => {
        unsubscribe();
        resolve("stop");
      },
      { once: true },
    );
  });

export interface TeammateSpec {
  name: string;
  role: string;
  /** The first task, as its first user message. */
  prompt: string;
  workspace: string;
}

export interface TeammateRuntime {
  callModel: CallModel;
  model: string | (() => string);
  maxTokens: number;
  system: SystemPrompt;
  /** Its tools, made once it has a handle (its own tools need it). */
  tools: (teammate: Teammate) => ToolRegistry;
  /** Per-call hooks of the lead (permissions, PreToolUse hooks, caching) and its own (s17 compaction). */
  hooks: (teammate: Teammate) => AgentHooks[];
  childHooks: AgentHooks;
  ask: AskUser;
  emit: EmitEvent;
  idle: IdlePolicy;
  /** Writes its state to the roster; a failure is reported, never fatal. */
  setState(state: MemberState, reason?: string): Promise<void>;
  /** Called when a run ends, before it is marked idle, with the run's last text (s15 tells the lead). */
  onIdle(result: LoopResult, lastText: string): Promise<void>;
  maxRounds?: number;
}

/** Starts the teammate's life; returns at once with its handle. Never rejects: failures are reported. */
export function startTeammate(spec: TeammateSpec, runtime: TeammateRuntime): Teammate {
  const controller = new AbortController();
  const queue = createMessageQueue();
  const state: AgentState = { messages: [{ role: "user", content: spec.prompt }] };
  let finishing: string | undefined;
  let memberState: MemberState = "working";
  let resolveDone = () => {};
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  let tools: ToolRegistry | undefined;
  const teammate: Teammate = {
    get tools() {
      tools ??= runtime.tools(teammate);
      return tools;
    },
    name: spec.name,
    role: spec.role,
    workspace: spec.workspace,
    state,
    queue,
    signal: controller.signal,
    current: () => memberState,
    stopping: () => finishing !== undefined,
    finish(reason) {
      finishing ??= reason;
      // An idle teammate has no round to finish: it stops now.
      if (memberState === "idle") controller.abort(new Error(reason));
    },
    abort(reason) {
      finishing ??= reason;
      controller.abort(new Error(reason));
    },
    done,
  };
  const setState = async (next: MemberState, reason?: string) => {
    memberState = next;
    runtime.emit({ type: "teammate_state", name: spec.name, state: next, ...(reason ? { reason } : {}) });
    await runtime.setState(next, reason);
  };
  // Ends the run after the round in which `finish` was called (the tool result is kept, paired).
  const finishHook: AgentHooks = {
    afterTurn: () => (finishing ? { kind: "end", reason: "stopped", detail: finishing } : undefined),
  };
  const hooks = combineHooks(...runtime.hooks(teammate), finishHook);
  const onEvent = (event: AgentEvent) => runtime.emit({ type: "teammate_event", name: spec.name, event });

  const live = async () => {
    for (;;) {
      const result = await runAgentLoop(
        state,
        {
          callModel: runtime.callModel,
          model: runtime.model,
          maxTokens: runtime.maxTokens,
          system: runtime.system,
          tools: teammate.tools,
          workspace: spec.workspace,
          hooks,
          childHooks: runtime.childHooks,
          queue,
          ask: runtime.ask,
          maxTurns: runtime.maxRounds ?? MAX_TEAMMATE_ROUNDS,
          onEvent,
        },
        controller.signal,
      );
      if (finishing || controller.signal.aborted) return finishing ?? "stopped";
      // Its report is in the lead's inbox before the roster says idle: whoever waits for the team to go
      // quiet (lcc -p) sees the message waiting when it sees the state.
      await runtime.onIdle(result, lastAssistantText(state.messages));
      await setState("idle");
      // Told to finish while it reported (not yet idle, so nothing was aborted): it must not wait for work.
      if (finishing) return finishing;
      if ((await runtime.idle(teammate)) === "stop" || finishing) return finishing ?? "stopped";
      await setState("working");
    }
  };
  void live()
    .catch((error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`)
    .then((reason) => setState("stopped", reason))
    .catch(() => {})
    .finally(resolveDone);
  return teammate;
}

/** The text of the newest assistant message ("" when it has none). */
export function lastAssistantText(messages: readonly MessageParam[]): string {
  const last = messages.findLast((message) => message.role === "assistant");
  if (!last) return "";
  return typeof last.content === "string" ? last.content : textOf(last.content);
}
