// Turns the agent's events into trace records: every tool_end becomes a `tool` record, a few other
// events (see TRACED_EVENT_TYPES) an `event` record. Typed structurally: chapter-kit imports no chapter.

import {
  TRACED_EVENT_TYPES,
  type TraceEventRecord,
  type TraceToolRecord,
  traceTime,
} from "./trace-format.ts";
import type { TraceRecorder } from "./trace-recorder.ts";

/** Any agent event; s02's `AgentEvent` (and every chapter's extension of it) is assignable. */
export interface TraceableEvent {
  readonly type: string;
}

const tracedEventTypes: ReadonlySet<string> = new Set(TRACED_EVENT_TYPES);

/**
 * A listener to add to the agent's `onEvent`: records `tool_end` events (the id, name, input, output,
 * isError, durationMs and details s02 emits) and {@link TRACED_EVENT_TYPES}; a subagent's events, which
 * s04 wraps in `subagent_event`, are recorded the same way with the parent's tool_use id. Ignores
 * everything else (text deltas are in the response records already). Never throws.
 */
export function createTraceEventListener(recorder: TraceRecorder): (event: TraceableEvent) => void {
  // s01's loop reports a call's input and start only in tool_start: kept here to complete its tool_end.
  const started = new Map<string, { input: unknown; at: number }>();
  function record(event: TraceableEvent, parentToolUseId: string | undefined): void {
    const fields = event as unknown as Record<string, unknown>;
    if (event.type === "subagent_event" && isEvent(fields.event)) {
      record(fields.event, typeof fields.parentToolUseId === "string" ? fields.parentToolUseId : undefined);
    } else if (event.type === "tool_start") {
      started.set(String(fields.id), { input: fields.input, at: Date.now() });
    } else if (event.type === "tool_end") {
      const start = started.get(String(fields.id));
      started.delete(String(fields.id));
      const completed = {
        ...fields,
        ...(fields.input === undefined && start ? { input: start.input } : {}),
        ...(typeof fields.durationMs !== "number" && start ? { durationMs: Date.now() - start.at } : {}),
      };
      recorder.record(toolRecord(completed, parentToolUseId));
    } else if (tracedEventTypes.has(event.type)) {
      const traced: TraceEventRecord = {
        type: "event",
        time: traceTime(),
        event: { ...fields, type: event.type },
      };
      recorder.record(parentToolUseId === undefined ? traced : { ...traced, parentToolUseId });
    }
  }
  return (event) => {
    try {
      record(event, undefined);
    } catch {
      // A strange event (a getter that throws) must not reach the agent; the recorder guards writes.
    }
  };
}

function toolRecord(fields: Record<string, unknown>, parentToolUseId: string | undefined): TraceToolRecord {
  return {
    type: "tool",
    time: traceTime(),
    id: String(fields.id ?? ""),
    name: String(fields.name ?? ""),
    input: fields.input,
    output: typeof fields.output === "string" ? fields.output : (JSON.stringify(fields.output) ?? ""),
    isError: fields.isError === true,
    durationMs: typeof fields.durationMs === "number" ? fields.durationMs : 0,
    ...(fields.interrupted === true ? { interrupted: true } : {}),
    ...(fields.details === undefined ? {} : { details: fields.details }),
    ...(parentToolUseId === undefined ? {} : { parentToolUseId }),
  };
}

function isEvent(value: unknown): value is TraceableEvent {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}
