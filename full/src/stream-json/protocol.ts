// The Claude Agent SDK's stream-json protocol, the part lcc speaks: the lines it reads on stdin and writes
// on stdout. The spec is the SDK's own sdk.d.ts (SDKUserMessage, SDKControlRequest, SDKResultMessage…).

/** A line the SDK host writes: a user message, a control request for lcc, or its answer to lcc's request. */
export type InboundLine =
  | UserLine
  | { type: "control_request"; request_id: string; request: ControlRequestBody }
  | { type: "control_response"; response: ControlResponseBody }
  | { type: "control_cancel_request"; request_id: string }
  | { type: "keep_alive" };

/** One prompt (SDKUserMessage): `message.content` is a string or content blocks. */
export interface UserLine {
  type: "user";
  message: { role: "user"; content: string | Array<Record<string, unknown>> };
  parent_tool_use_id?: string | null;
  uuid?: string;
  session_id?: string;
}

/** A control request's body: `subtype` names it; the other fields depend on it. */
export type ControlRequestBody = { subtype: string } & Record<string, unknown>;

/** The answer to a control request (either side's), echoing its request_id. */
export type ControlResponseBody =
  | { subtype: "success"; request_id: string; response?: Record<string, unknown> }
  | { subtype: "error"; request_id: string; error: string };

/** The SDK's ModelUsage: one model's totals over the whole query() call. */
export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  webSearchRequests: number;
  costUSD: number;
  contextWindow: number;
  maxOutputTokens: number;
}

/** Parses one stdin line; undefined for a line that is not a JSON object with a known `type`. */
export function parseInboundLine(line: string): InboundLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case "user":
      return isRecord(value.message) ? (value as unknown as UserLine) : undefined;
    case "control_request":
      return typeof value.request_id === "string" &&
        isRecord(value.request) &&
        typeof value.request.subtype === "string"
        ? (value as unknown as InboundLine)
        : undefined;
    case "control_response":
      return isRecord(value.response) && typeof value.response.request_id === "string"
        ? (value as unknown as InboundLine)
        : undefined;
    case "control_cancel_request":
      return typeof value.request_id === "string" ? (value as unknown as InboundLine) : undefined;
    case "keep_alive":
      return { type: "keep_alive" };
    default:
      return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
