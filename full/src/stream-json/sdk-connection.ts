// The two-way stream-json channel to an Agent SDK host: JSON lines on stdin (prompts, control requests,
// answers to lcc's requests) and on stdout (messages, answers, lcc's own control requests).
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { ControlRequestBody, ControlResponseBody, UserLine } from "./protocol.ts";
import { parseInboundLine } from "./protocol.ts";

/** Answers one control request from the host: resolves with the success payload, throws for an error reply. */
export type ControlRequestHandler = (request: ControlRequestBody, signal: AbortSignal) => Promise<object>;

export interface SdkConnection {
  /** Writes one message as a JSON line on stdout. */
  send(message: object): void;
  /**
   * Sends lcc's own control request (can_use_tool, hook_callback, mcp_message) and resolves with the host's
   * payload. Rejects with the host's error, when the signal aborts (a control_cancel_request goes out), or
   * when stdin ends first.
   */
  request(body: ControlRequestBody, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** The next prompt, in arrival order; undefined once stdin has ended and every prompt was taken. */
  nextUser(): Promise<UserLine | undefined>;
  /** Prompts read but not yet taken (their uuids, for the interrupt receipt). */
  waitingUsers(): readonly UserLine[];
  /**
   * Resolves at the first line that matters: with the `initialize` request when the host starts with one (the
   * Agent SDK does; it is answered once `serve` is called), else undefined (a prompt first, or stdin ended).
   */
  started(): Promise<ControlRequestBody | undefined>;
  /** Sets who answers the host's control requests; until then they wait (initialize arrives before the session). */
  serve(handler: ControlRequestHandler): void;
  /** Stops reading stdin and fails lcc's pending requests. */
  close(): void;
}

export interface SdkConnectionOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A line that is not part of the protocol (bad JSON, an unknown type): said on stderr, never fatal. */
  warn(text: string): void;
}

/** Starts reading `input` at once; control requests wait for `serve`, prompts for `nextUser`. */
export function createSdkConnection(options: SdkConnectionOptions): SdkConnection {
  const users: UserLine[] = [];
  let userWaiter: ((line: UserLine | undefined) => void) | undefined;
  let ended = false;
  const pending = new Map<
    string,
    { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }
  >();
  const cancels = new Map<string, AbortController>();
  let handler: ControlRequestHandler | undefined;
  const parked: Array<{ request_id: string; request: ControlRequestBody }> = [];
  let markStarted: (initialize: ControlRequestBody | undefined) => void = () => {};
  const started = new Promise<ControlRequestBody | undefined>((resolve) => {
    markStarted = (initialize) => {
      markStarted = () => {};
      resolve(initialize);
    };
  });
  const send = (message: object) => options.output.write(`${JSON.stringify(message)}\n`);

  const answer = async (requestId: string, request: ControlRequestBody, serve: ControlRequestHandler) => {
    const controller = new AbortController();
    cancels.set(requestId, controller);
    let response: ControlResponseBody;
    try {
      const payload = await serve(request, controller.signal);
      response = { subtype: "success", request_id: requestId, response: { ...payload } };
    } catch (error) {
      response = { subtype: "error", request_id: requestId, error: messageOf(error) };
    } finally {
      cancels.delete(requestId);
    }
    send({ type: "control_response", response });
  };

  const lines = createInterface({ input: options.input, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on("line", (text) => {
    if (text.trim() === "") return;
    const line = parseInboundLine(text);
    if (!line) {
      options.warn(`ignored a stdin line that is not a stream-json message: ${text.slice(0, 120)}`);
      return;
    }
    if (line.type === "user" || line.type === "control_request")
      markStarted(
        line.type === "control_request" && line.request.subtype === "initialize" ? line.request : undefined,
      );
    if (line.type === "user") {
      if (userWaiter) {
        const waiter = userWaiter;
        userWaiter = undefined;
        waiter(line);
      } else users.push(line);
    } else if (line.type === "control_request") {
      if (handler) void answer(line.request_id, line.request, handler);
      else parked.push(line);
    } else if (line.type === "control_response") {
      const waiting = pending.get(line.response.request_id);
      if (!waiting) return;
      pending.delete(line.response.request_id);
      if (line.response.subtype === "success") waiting.resolve(line.response.response ?? {});
      else waiting.reject(new Error(line.response.error));
    } else if (line.type === "control_cancel_request") {
      cancels.get(line.request_id)?.abort(new Error("cancelled by the SDK host"));
    }
  });
  lines.on("close", () => {
    ended = true;
    markStarted(undefined);
    userWaiter?.(undefined);
    userWaiter = undefined;
    for (const waiting of pending.values()) waiting.reject(new Error("the SDK host closed stdin"));
    pending.clear();
  });

  return {
    send,
    request(body, signal) {
      if (ended) return Promise.reject(new Error("the SDK host closed stdin"));
      const requestId = randomUUID();
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          if (!pending.delete(requestId)) return;
          send({ type: "control_cancel_request", request_id: requestId });
          reject(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
        };
        pending.set(requestId, {
          resolve: (value) => {
            signal?.removeEventListener("abort", onAbort);
            resolve(value);
          },
          reject: (error) => {
            signal?.removeEventListener("abort", onAbort);
            reject(error);
          },
        });
        if (signal?.aborted) return onAbort();
        signal?.addEventListener("abort", onAbort, { once: true });
        send({ type: "control_request", request_id: requestId, request: body });
      });
    },
    nextUser() {
      const next = users.shift();
      if (next || ended) return Promise.resolve(next);
      return new Promise((resolve) => {
        userWaiter = resolve;
      });
    },
    waitingUsers: () => users,
    started: () => started,
    serve(next) {
      handler = next;
      for (const line of parked.splice(0)) void answer(line.request_id, line.request, next);
    },
    close() {
      lines.close();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
