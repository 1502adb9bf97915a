// `lcc --input-format stream-json`, before the session exists: open the channel to the Agent SDK host and
// read its `initialize` request, whose contents shape the session (permission questions, hooks, MCP servers).
import type { AskUser } from "@lcc/chapter-kit";
import type { SettingsFile } from "@lcc/s08";
import { startBridgeServer } from "./bridge-server.ts";
import { createCanUseToolAsk } from "./can-use-tool.ts";
import { type ControlRequestBody, isRecord } from "./protocol.ts";
import { createSdkConnection, type SdkConnection } from "./sdk-connection.ts";
import { createHookRoute, sdkHookSettings } from "./sdk-hooks.ts";
import { createMcpRoute, sdkMcpConfig } from "./sdk-mcp-servers.ts";

export interface StreamJsonOpening {
  connection: SdkConnection;
  /** The host's initialize request; undefined when it sent a prompt first (a plain stream-json client). */
  initialize?: ControlRequestBody;
  /** The session's ask: can_use_tool questions with `--permission-prompt-tool stdio`, else none (refusals). */
  ask?: AskUser;
  /** Stops the running turn (an `interrupt`, or a deny with interrupt: true); set by the run. */
  interrupt: { current: () => void };
  /** The host's in-process MCP servers, as an inline `--mcp-config` value (bridged `mcp_message`). */
  mcpConfig?: string;
  /** The host's hook callbacks, as an s08 settings file of command hooks (bridged `hook_callback`). */
  hookSettings?: SettingsFile;
  /** What the initialize answer adds: that the host's hooks are registered and honour onFailure. */
  initializeExtras: Record<string, unknown>;
}

export interface OpenStreamJsonOptions {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** `--permission-prompt-tool stdio`. */
  permissionPromptTool?: "stdio";
}

/** initialize fields lcc does not honour (said once on stderr, since the host asked for them). */
const UNHONOURED_INITIALIZE_FIELDS: Readonly<Record<string, string>> = {
  jsonSchema: "structured output (jsonSchema)",
  agents: "custom subagent definitions (agents); lcc reads .claude/agents/*.md",
};

/** Opens the channel and waits for the host's first line (initialize, a prompt, or the end of stdin). */
export async function openStreamJson(options: OpenStreamJsonOptions): Promise<StreamJsonOpening> {
  const warn = (text: string) => options.stderr.write(`lcc: warning: ${text}\n`);
  const connection = createSdkConnection({ input: options.stdin, output: options.stdout, warn });
  const initialize = await connection.started();
  const interrupt = { current: () => {} };
  for (const [field, what] of Object.entries(UNHONOURED_INITIALIZE_FIELDS))
    if (initialize?.[field] !== undefined) warn(`lcc does not support ${what}; ignored`);
  if (hasCustomSystemPrompt(initialize))
    warn("lcc keeps its own system prompt; the SDK's systemPrompt and appendSystemPrompt are ignored");
  const servers = sdkServerNames(initialize);
  const hooks = initialize?.hooks;
  const bridge =
    servers.length > 0 || hooks !== undefined
      ? await startBridgeServer({
          mcp: createMcpRoute(connection, servers),
          hook: createHookRoute(connection),
        })
      : undefined;
  const hookSettings = bridge ? sdkHookSettings(hooks, bridge) : undefined;
  return {
    connection,
    ...(initialize ? { initialize } : {}),
    ...(bridge && servers.length > 0 ? { mcpConfig: sdkMcpConfig(bridge, servers) } : {}),
    ...(hookSettings ? { hookSettings } : {}),
    initializeExtras: hooks === undefined ? {} : { hooks_applied: true, hook_on_failure_supported: true },
    ...(options.permissionPromptTool === "stdio"
      ? { ask: createCanUseToolAsk(connection, () => interrupt.current()) }
      : {}),
    interrupt,
  };
}

/** The names of the host's in-process MCP servers (initialize's sdkMcpServers). */
function sdkServerNames(initialize: ControlRequestBody | undefined): string[] {
  const names = initialize?.sdkMcpServers;
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === "string") : [];
}

/** True when the host set a system prompt of its own (the SDK's default, `[""]`, keeps lcc's). */
function hasCustomSystemPrompt(initialize: ControlRequestBody | undefined): boolean {
  if (!isRecord(initialize)) return false;
  const parts = Array.isArray(initialize.systemPrompt) ? initialize.systemPrompt : [initialize.systemPrompt];
  const custom = parts.some((part) => typeof part === "string" && part.trim() !== "");
  return (
    custom || (typeof initialize.appendSystemPrompt === "string" && initialize.appendSystemPrompt !== "")
  );
}
