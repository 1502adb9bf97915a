// A fake Anthropic Messages API on 127.0.0.1 that the real SDK talks to through `baseURL`.
// Records every request, answers from a script, simulates prompt caching and injects faults.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiError } from "./api-errors.ts";
import { handleMessages, type MessagesState } from "./handle-messages.ts";
import { readBody, sendApiError, sendJson } from "./http-io.ts";
import { estimatePromptTokens } from "./prompt-blocks.ts";
import { createPromptCache } from "./prompt-cache.ts";
import type { FakeApi, FakeApiOptions, MessagesRequestBody, RecordedRequest } from "./types.ts";

/**
 * Starts the fake on an ephemeral loopback port. Routes: POST /v1/messages (streaming or not) and
 * POST /v1/messages/count_tokens; anything else is a 404 in the API's error shape. Like the real API,
 * a message with empty content (other than a final assistant message) gets a 400 and uses up no
 * reply. Every request is recorded before it is answered. Call `close()` when done; it also ends
 * keep-alive sockets.
 */
export async function startFakeApi(options: FakeApiOptions): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const state: MessagesState = {
    script: options.script,
    chunkSize: Math.max(1, Math.floor(options.chunkSize ?? 8)),
    cache: createPromptCache({ minCacheTokens: options.minCacheTokens ?? 0 }),
    replyCount: 0,
    messageCount: 0,
    toolUseCount: 0,
  };

  let requestCount = 0;
  const server = createServer((request, response) => {
    void serve(request, response);
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const controller = new AbortController();
    response.once("close", () => controller.abort());
    response.on("error", () => undefined);
    requestCount += 1;
    response.setHeader("request-id", `req_fake_${requestCount}`);
    try {
      const raw = await readBody(request);
      const recorded = record(request, raw);
      if (recorded.method === "POST" && recorded.path === "/v1/messages") {
        await handleMessages(state, recorded, response, controller.signal);
      } else if (recorded.method === "POST" && recorded.path === "/v1/messages/count_tokens") {
        countTokens(recorded, response);
      } else {
        const message = `fake API: no route for ${recorded.method} ${recorded.path}`;
        sendApiError(response, apiError(404, "not_found_error", message));
      }
    } catch (error) {
      // Only a broken connection gets here (the handlers never throw); answer if still possible.
      const message = error instanceof Error ? error.message : String(error);
      sendApiError(response, apiError(500, "api_error", `fake API: ${message}`));
    }
  }

  function record(request: IncomingMessage, raw: string): RecordedRequest {
    const recorded: RecordedRequest = {
      index: requests.length,
      method: request.method ?? "GET",
      path: new URL(request.url ?? "/", "http://127.0.0.1").pathname,
      headers: lowerCaseHeaders(request),
      body: parseBody(raw),
    };
    requests.push(recorded);
    return recorded;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    messageRequests: () =>
      requests.filter((request) => request.method === "POST" && request.path === "/v1/messages"),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function countTokens(request: RecordedRequest, response: ServerResponse): void {
  const body: Record<string, unknown> = { ...request.body };
  if (typeof body.model !== "string" || !Array.isArray(body.messages)) {
    sendApiError(response, apiError(400, "invalid_request_error", "fake API: body needs model and messages"));
    return;
  }
  sendJson(response, 200, JSON.stringify({ input_tokens: estimatePromptTokens(request.body) }));
}

/** The parsed body; a non-object body (never sent by the real SDK) is recorded as `{}`. */
function parseBody(raw: string): MessagesRequestBody {
  let parsed: unknown;
  try {
    parsed = raw === "" ? {} : JSON.parse(raw);
  } catch {
    parsed = {};
  }
  const isObject = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  return (isObject ? parsed : {}) as MessagesRequestBody;
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}
