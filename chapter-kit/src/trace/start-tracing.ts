// The one call a chapter CLI or lcc makes to trace a run: given the LCC_TRACE / --trace path, a recorder,
// the `fetch` for the SDK client and the listener for the agent's events, all writing to one file.

import { createTraceEventListener, type TraceableEvent } from "./trace-event-listener.ts";
import { createTraceRecorder, type TraceRecorder, type TraceRecorderOptions } from "./trace-recorder.ts";
import { createTracingFetch, type Fetch, type TracingFetch } from "./tracing-fetch.ts";

/** Options of {@link startTracing}: the recorder's, and the fetch to wrap (default the global one). */
export interface StartTracingOptions extends TraceRecorderOptions {
  baseFetch?: Fetch;
}

/** Everything a traced run needs. */
export interface Tracing {
  recorder: TraceRecorder;
  /** Pass as the Anthropic client's `fetch` option; `await fetch.idle()` before exiting. */
  fetch: TracingFetch;
  /** Call with every agent event (next to the printer); records tool runs and the traced events. */
  onEvent: (event: TraceableEvent) => void;
}

/**
 * Starts tracing to `path` (LCC_TRACE, or lcc's `--trace`), or returns undefined when `path` is undefined
 * or blank, so a caller writes `startTracing(env.LCC_TRACE, …)` and branches once. Never throws: an
 * unwritable file gives a tracing that records nothing and one `onError` call.
 */
export function startTracing(path: string | undefined, options: StartTracingOptions): Tracing | undefined {
  if (path === undefined || path.trim() === "") return undefined;
  const { baseFetch, ...recorderOptions } = options;
  const recorder = createTraceRecorder(path.trim(), recorderOptions);
  return {
    recorder,
    fetch: createTracingFetch(recorder, baseFetch),
    onEvent: createTraceEventListener(recorder),
  };
}
