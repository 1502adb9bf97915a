// JSON-RPC 2.0 messages as MCP uses them, and the one function that tells a line from the server apart:
// a response to one of our requests, a request from the server, a notification, or garbage.

export type JsonRpcId = number | string;

export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

export type IncomingMessage =
  | { kind: "response"; id: JsonRpcId; result: unknown }
  | { kind: "error_response"; id: JsonRpcId | null; error: JsonRpcErrorObject }
  | { kind: "request"; id: JsonRpcId; method: string; params?: Record<string, unknown> }
  | { kind: "notification"; method: string; params?: Record<string, unknown> }
  | { kind: "invalid"; reason: string; line: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is JsonRpcId {
  return typeof value === "number" || typeof value === "string";
}

function paramsOf(message: Record<string, unknown>): { params?: Record<string, unknown> } {
  return isRecord(message.params) ? { params: message.params } : {};
}

/** Classifies one line; never throws (bad JSON or a bad shape is `invalid` with the reason). */
export function parseIncomingMessage(line: string): IncomingMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { kind: "invalid", reason: "not JSON", line };
  }
  if (!isRecord(parsed) || parsed.jsonrpc !== "2.0")
    return { kind: "invalid", reason: "not JSON-RPC 2.0", line };
  const { id, method } = parsed;
  if (typeof method === "string") {
    return isId(id)
      ? { kind: "request", id, method, ...paramsOf(parsed) }
      : { kind: "notification", method, ...paramsOf(parsed) };
  }
  if (
    isRecord(parsed.error) &&
    typeof parsed.error.code === "number" &&
    typeof parsed.error.message === "string"
  ) {
    const error: JsonRpcErrorObject = { code: parsed.error.code, message: parsed.error.message };
    if (parsed.error.data !== undefined) error.data = parsed.error.data;
    return { kind: "error_response", id: isId(id) ? id : null, error };
  }
  if (isId(id) && "result" in parsed) return { kind: "response", id, result: parsed.result };
  return { kind: "invalid", reason: "neither request, notification nor response", line };
}
