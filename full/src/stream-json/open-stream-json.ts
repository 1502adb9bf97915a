// `lcc --input-format stream-json`, before the session exists: open the channel to the Agent SDK host and
// read its `initialize` request, whose contents shape the session (permission questions, hooks, MCP servers).
import type { AskUser } from "@lcc/chapter-kit";
import { createCanUseToolAsk } from "./can-use-tool.ts";
import { type ControlRequestBody, isRecord } from "./protocol.ts";
import { createSdkConnection, type SdkConnection } from "./sdk-connection.ts";

export interface StreamJsonOpening {
  connection: SdkConnection;
  /** The host's initialize request; undefined when it sent a prompt first (a plain stream-json client). */
  initialize?: ControlRequestBody;
  /** The session's ask: can_use_tool questions with `--permission-prompt-tool stdio`, else none (refusals). */
  ask?: AskUser;
  /** Stops the running turn (an `interrupt`, or a deny with interrupt: true); set by the run. */
  interrupt: { current: () => void };
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
  return {
    connection,
    ...(initialize ? { initialize } : {}),
    ...(options.permissionPromptTool === "stdio"
      ? { ask: createCanUseToolAsk(connection, () => interrupt.current()) }
      : {}),
    interrupt,
  };
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
