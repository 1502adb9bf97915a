// What demo mode adds to an lcc session, in one place: the scripted model, its banner, its hook, and its
// bundled MCP server (an inline --mcp-config entry whose read-only tools are allowed by a rule).
import type { SettingsFile } from "@lcc/s08";
import type { Colors } from "../terminal/colors.ts";
import { demoBanner } from "./demo-banner.ts";
import { DEMO_MCP_SERVER, demoMcpConfig } from "./demo-mcp-config.ts";
import { demoHookSettings, startDemoModel } from "./demo-model.ts";

export interface DemoSessionOptions {
  workspace: string;
  lccHome: string;
  /** `lcc -p`: no streaming pace, and the tour waits for its background command. */
  headless: boolean;
  /** --demo was given (the banner says why the demo runs). */
  forced: boolean;
  /** Where the banner goes; undefined prints none (--print-prompt: the tour never starts). */
  banner?: { output: NodeJS.WritableStream; colors: Colors };
}

export interface DemoSession {
  /** The scripted model's loopback URL (point the SDK's baseURL at it). */
  baseURL: string;
  /** The --mcp-config value that adds the bundled server. */
  mcpConfig: string;
  /** Allow rules the demo adds: its own server's tools (`mcp__lcc-demo`). */
  allowedTools: string[];
  /** The demo's PostToolUse hook, as an s08 settings file of lcc's own. */
  hookSettings: SettingsFile;
  close(): Promise<void>;
}

/** Starts the scripted model and prints the banner; the caller closes it after the session. */
export async function startDemoSession(options: DemoSessionOptions): Promise<DemoSession> {
  const model = await startDemoModel({
    workspace: options.workspace,
    lccHome: options.lccHome,
    chunkDelayMs: options.headless ? 0 : 12,
    headless: options.headless,
  });
  if (options.banner) {
    const { output, colors } = options.banner;
    const columns = (output as { columns?: number }).columns;
    output.write(`${demoBanner(colors, model.scratchPath, options.forced, columns)}\n`);
  }
  return {
    baseURL: model.baseURL,
    mcpConfig: demoMcpConfig(),
    allowedTools: [`mcp__${DEMO_MCP_SERVER}`],
    hookSettings: demoHookSettings(),
    close: model.close,
  };
}
