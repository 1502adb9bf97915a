// `pnpm --filter s19 start [--mcp-config <file or JSON>]… [--strict-mcp-config]`: the only file of the chapter
// that touches the real process (no key: the demo). The MCP servers stop when the REPL ends.
import { processIo, runChapterMain } from "@lcc/chapter-kit";
import { createS19Chapter, type McpSetupOptions } from "./agent.ts";
import { createS19DemoChapter, createS19Scenario } from "./scenario.ts";

/** `--mcp-config a --mcp-config=b` → ["a", "b"]; `--strict-mcp-config` → strict. */
function mcpOptions(argv: readonly string[]): McpSetupOptions {
  const mcpConfig: string[] = [];
  argv.forEach((arg, index) => {
    if (arg.startsWith("--mcp-config=")) mcpConfig.push(arg.slice("--mcp-config=".length));
    else if (arg === "--mcp-config" && argv[index + 1]) mcpConfig.push(argv[index + 1] ?? "");
  });
  return {
    ...(mcpConfig.length > 0 ? { mcpConfig } : {}),
    ...(argv.includes("--strict-mcp-config") ? { strictMcpConfig: true } : {}),
    ...(process.env.LCC_PROJECT_HOOKS === "0" ? { projectHooks: false } : {}),
  };
}

const chapter = createS19Chapter(mcpOptions(process.argv.slice(2)));
process.exitCode = await runChapterMain(chapter, processIo(), {
  scenario: createS19Scenario(),
  demoChapter: createS19DemoChapter(),
  ownsRetries: true,
});
await chapter.end("prompt_input_exit");
