// A `fetch` for the Anthropic SDK client's `fetch` option that records what goes over the wire: each
// Messages API request body, and a copy of its response assembled into the final message.

import { EMPTY_ASSEMBLY, finishAssembly, reduceStreamEvent, type StreamEvent } from "./assemble-message.ts";
import { createSseParser } from "./sse-parser.ts";
import { type TraceMessage, type TraceResponseRecord, traceTime } from "./trace-format.ts";
import type { TraceRecorder } from "./trace-recorder.ts";

/** The `fetch` signature the SDK accepts. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A tracing `fetch`, plus a way to wait until every response it has seen is recorded. */
export interface TracingFetch extends Fetch {
  /** Resolves once every response seen so far has been recorded (its stream ended, failed or aborted). */
  idle(): Promise<void>;
}

/** What a response record needs to know about its request. */
interface TracedCall {
  seq: number;
  started: number;
  signal: AbortSignal | undefined;
}

/**
 * Wraps `baseFetch`. A POST to …/v1/messages or …/v1/messages/count_tokens is recorded: the request
 * (URL and JSON body, never headers) before it is sent, the response when it ends. The SDK receives the
 * response untouched, stream included; the trace reads a clone in the background. Other requests, and
 * every request once the recorder is inactive, pass straight through. Never throws anything
 * `baseFetch` would not have thrown.
 */
export function createTracingFetch(recorder: TraceRecorder, baseFetch: Fetch = fetch): TracingFetch {
  const pending = new Set<Promise<void>>();

  async function tracingFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    if (!recorder.active || !isTracedRequest(method, url)) return baseFetch(input, init);

    const call: TracedCall = {
      seq: recorder.nextSeq(),
      started: performance.now(),
      signal: init?.signal ?? (input instanceof Request ? input.signal : undefined),
    };
    const body = parseBody(await requestBodyText(input, init));
    recorder.record({
      type: "request",
      seq: call.seq,
      time: traceTime(),
      method,
      url: withoutCredentials(url),
      body,
    });

    let response: Response;
    try {
      response = await baseFetch(input, init);
    } catch (error) {
      recorder.record(failedResponse(call, error));
      throw error;
    }
    const headersMs = elapsedMs(call.started);
    const recording = recordResponse(recorder, call, response.clone(), headersMs);
    pending.add(recording);
    void recording.finally(() => pending.delete(recording));
    return response;
  }

  return Object.assign(tracingFetch, {
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
  });
}

/** Reads the copy to its end and records it. Never rejects. */
async function recordResponse(
  recorder: TraceRecorder,
  call: TracedCall,
  copy: Response,
  headersMs: number,
): Promise<void> {
  const streamed = (copy.headers.get("content-type") ?? "").includes("text/event-stream");
  const requestId = copy.headers.get("request-id");
  const outcome = streamed ? await readEventStream(copy, call.signal) : await readJsonBody(copy, call.signal);
  recorder.record({
    type: "response",
    seq: call.seq,
    time: traceTime(),
    durationMs: elapsedMs(call.started),
    headersMs,
    status: copy.status,
    ...(requestId ? { requestId } : {}),
    streamed,
    ...outcome,
  });
}

type Outcome = Pick<TraceResponseRecord, "message" | "body" | "error" | "aborted">;

/** Parses the SSE copy with the assembly reducer; a read failure keeps what had arrived. */
async function readEventStream(copy: Response, signal: AbortSignal | undefined): Promise<Outcome> {
  const parser = createSseParser();
  let assembly = EMPTY_ASSEMBLY;
  const apply = (frames: { data: string }[]) => {
    for (const frame of frames) {
      const event = parseJson(frame.data);
      if (isStreamEvent(event)) assembly = reduceStreamEvent(assembly, event);
    }
  };
  let failure: Outcome | undefined;
  try {
    const decoder = new TextDecoder();
    for await (const chunk of copy.body ?? []) apply(parser.push(decoder.decode(chunk, { stream: true })));
    apply(parser.push(decoder.decode()));
    apply(parser.end());
  } catch (error) {
    failure = readFailure(error, signal);
  }
  const finished = finishAssembly(assembly);
  return failure ? { ...finished, ...failure } : finished;
}

/** A JSON body: a Message goes to `message`, anything else (count_tokens, an API error) to `body`. */
async function readJsonBody(copy: Response, signal: AbortSignal | undefined): Promise<Outcome> {
  let text: string;
  try {
    text = await copy.text();
  } catch (error) {
    return readFailure(error, signal);
  }
  const body = parseBody(text);
  const outcome: Outcome = isMessage(body) ? { message: body } : { body };
  if (copy.status >= 400) outcome.error = apiErrorText(body, copy.status);
  return outcome;
}

function failedResponse(call: TracedCall, error: unknown): TraceResponseRecord {
  return {
    type: "response",
    seq: call.seq,
    time: traceTime(),
    durationMs: elapsedMs(call.started),
    status: 0,
    streamed: false,
    ...readFailure(error, call.signal),
  };
}

function readFailure(error: unknown, signal: AbortSignal | undefined): Outcome {
  if (signal?.aborted) return { error: "aborted", aborted: true };
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return { error: `${message}${cause}` };
}

/** "rate_limit_error: Number of requests has exceeded your rate limit", or "HTTP 502" for a foreign body. */
function apiErrorText(body: unknown, status: number): string {
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === "object" && error !== null) {
    const { type, message } = error as { type?: unknown; message?: unknown };
    return `${String(type ?? "error")}: ${String(message ?? "")}`;
  }
  return `HTTP ${status}`;
}

function isTracedRequest(method: string, url: string): boolean {
  if (method !== "POST") return false;
  try {
    return /\/v1\/messages(\/count_tokens)?$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

async function requestBodyText(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<string> {
  const body = init?.body;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  if (body === undefined && input instanceof Request)
    return input
      .clone()
      .text()
      .catch(() => "");
  return body === undefined || body === null
    ? ""
    : `[${Object.prototype.toString.call(body)} body not recorded]`;
}

/** The JSON value of a body, or its text when it is not JSON. */
function parseBody(text: string): unknown {
  const parsed = parseJson(text);
  return parsed === undefined ? text : parsed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isMessage(value: unknown): value is TraceMessage {
  return isStreamEvent(value) && value.type === "message" && Array.isArray(value.content);
}

function isStreamEvent(value: unknown): value is StreamEvent {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}

function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  return parsed.href;
}

function elapsedMs(started: number): number {
  return Math.round(performance.now() - started);
}
