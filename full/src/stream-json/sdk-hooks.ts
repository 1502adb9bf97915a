// The Agent SDK host's hook callbacks as s08 command hooks: each callback id becomes a small node command
// that posts the hook's stdin JSON to the bridge, which asks the host (`hook_callback`) and prints its
// answer, the same JSON a Claude Code hook script prints. s08 then acts on it as on any hook's output.
import type { SettingsFile } from "@lcc/s08";
import type { BridgeReply, BridgeRoute, BridgeServer } from "./bridge-server.ts";
import { isRecord } from "./protocol.ts";
import type { SdkConnection } from "./sdk-connection.ts";

/**
 * The hook command: reads the event JSON on stdin, posts it with the token read from `tokenFile`, prints
 * the answer. A failed callback exits 1 (a warning; the action goes on) or, for a matcher with
 * onFailure "block", 2 (s08 blocks the action), as the SDK documents onFailure.
 */
const BRIDGE_SCRIPT = [
  'const [url, tokenFile, onFailure] = process.argv.slice(1); let input = "";',
  'process.stdin.setEncoding("utf8").on("data", (chunk) => { input += chunk; });',
  'process.stdin.on("end", async () => { try {',
  'const token = require("node:fs").readFileSync(tokenFile, "utf8").trim();',
  'const response = await fetch(url, { method: "POST", body: input, headers: { authorization: "Bearer " + token, "content-type": "application/json" } });',
  "const text = await response.text(); if (!response.ok) throw new Error(text || response.statusText);",
  "process.stdout.write(text); } catch (error) {",
  'process.stderr.write("the Agent SDK hook callback failed: " + (error && error.message ? error.message : error) + "\\n");',
  'process.exitCode = onFailure === "block" ? 2 : 1; } });',
].join(" ");

/** One matcher of the initialize request's `hooks` (SDKHookCallbackMatcher). */
interface CallbackMatcher {
  matcher?: string;
  hookCallbackIds: string[];
  timeout?: number;
  onFailure?: "continue" | "block";
}

/** The callback ids the host registered, from initialize's `hooks`; malformed entries are skipped. */
export function callbackMatchers(hooks: unknown): Array<[event: string, matchers: CallbackMatcher[]]> {
  if (!isRecord(hooks)) return [];
  return Object.entries(hooks).map(([event, list]) => [
    event,
    (Array.isArray(list) ? list : []).filter(
      (entry): entry is CallbackMatcher =>
        isRecord(entry) &&
        Array.isArray(entry.hookCallbackIds) &&
        entry.hookCallbackIds.every((id) => typeof id === "string"),
    ),
  ]);
}

/**
 * The host's hooks as an s08 settings file of lcc's own (scope user: they run without the workspace
 * trust question, as the app that started lcc registered them). Events s08 does not run are reported by
 * s08 when it reads the file. Undefined when the host registered none.
 */
export function sdkHookSettings(hooks: unknown, bridge: BridgeServer): SettingsFile | undefined {
  const events = callbackMatchers(hooks).filter(([, matchers]) => matchers.length > 0);
  if (events.length === 0) return undefined;
  const section = Object.fromEntries(
    events.map(([event, matchers]) => [
      event,
      matchers.map((matcher) => ({
        matcher: matcher.matcher ?? "",
        hooks: matcher.hookCallbackIds.map((id) => ({
          type: "command",
          command: bridgeCommand(
            `${bridge.url}/hook/${encodeURIComponent(id)}`,
            bridge.tokenFile,
            matcher.onFailure,
          ),
          ...(typeof matcher.timeout === "number" && matcher.timeout > 0 ? { timeout: matcher.timeout } : {}),
        })),
      })),
    ]),
  );
  return { path: "(Agent SDK hooks)", scope: "user", json: { hooks: section } };
}

/** The bridge route for hooks: the event JSON goes to the host as `hook_callback`; its answer is the body. */
export function createHookRoute(connection: SdkConnection): BridgeRoute {
  return async (callbackId, input): Promise<BridgeReply> => {
    const toolUseId =
      isRecord(input) && typeof input.tool_use_id === "string" ? input.tool_use_id : undefined;
    const answer = await connection.request({
      subtype: "hook_callback",
      callback_id: callbackId,
      input,
      ...(toolUseId ? { tool_use_id: toolUseId } : {}),
    });
    return { status: 200, body: answer };
  };
}

/** `'<node>' -e '<script>' '<url>' '<token file>' '<onFailure>'`, quoted for the user's shell. */
function bridgeCommand(url: string, tokenFile: string, onFailure: string | undefined): string {
  return [process.execPath, "-e", BRIDGE_SCRIPT, url, tokenFile, onFailure ?? "continue"]
    .map(shellQuote)
    .join(" ");
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
