// A loopback HTTP server through which lcc's own machinery reaches the Agent SDK host: s19's MCP client
// calls the host's in-process MCP servers here, and s08's hook commands call the host's hook callbacks.
// Every request needs the run's bearer token, kept in a file only this user can read.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The answer to one bridged request: a JSON body (status 200), or nothing to say (202). */
export type BridgeReply = { status: 200; body: unknown } | { status: 202 };

/** Handles the POST body of `/<route>/<name>`; throws to answer 502 with the error's message. */
export type BridgeRoute = (name: string, body: unknown) => Promise<BridgeReply>;

export interface BridgeServer {
  /** `http://127.0.0.1:<port>`; routes are `/<route>/<name>`. */
  url: string;
  /** The bearer token every request must carry (`Authorization: Bearer <token>`). */
  token: string;
  /** A 0600 file holding the token, for processes that must not get it on their command line. */
  tokenFile: string;
}

/**
 * Starts the server (never keeping the process alive) with `routes` by first path segment. A wrong token
 * is 401, an unknown route 404, a GET (an MCP client's event stream) 405, a DELETE (an MCP session's end) 200.
 * The token's folder is removed when the process exits.
 */
export async function startBridgeServer(routes: Record<string, BridgeRoute>): Promise<BridgeServer> {
  const token = randomBytes(24).toString("hex");
  const folder = mkdtempSync(join(tmpdir(), "lcc-sdk-bridge-"));
  const tokenFile = join(folder, "token");
  writeFileSync(tokenFile, token, { mode: 0o600 });
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  const server = createServer((request, response) => {
    void serve(request, response, token, routes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, token, tokenFile };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  token: string,
  routes: Record<string, BridgeRoute>,
): Promise<void> {
  const send = (status: number, body?: unknown) => {
    response.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  if (request.headers.authorization !== `Bearer ${token}`) return send(401, { error: "bad token" });
  const [, routeName, name] = /^\/([\w-]+)\/([^/?]+)/.exec(request.url ?? "") ?? [];
  const route = routeName ? routes[routeName] : undefined;
  if (!route || !name) return send(404, { error: "no such route" });
  if (request.method === "DELETE") return send(200);
  if (request.method !== "POST") return send(405, { error: "POST only" });
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch {
    return send(400, { error: "the body is not JSON" });
  }
  try {
    const reply = await route(decodeURIComponent(name), body);
    send(reply.status, reply.status === 200 ? reply.body : undefined);
  } catch (error) {
    send(502, { error: error instanceof Error ? error.message : String(error) });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      text += chunk;
    });
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}
