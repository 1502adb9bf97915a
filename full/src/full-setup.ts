// The agent `lcc` runs, composed in ONE place. Each import names the chapter that taught the piece; to
// integrate a new chapter, swap the base setup for that chapter's builder (it extends the earlier ones).
import { type AgentHooks, extendSetup, type SetupContext, type SlashCommand } from "@lcc/s02"; // s02: tool contract, setups, commands
import { compactOptionsFromEnv } from "@lcc/s06"; // s06: compaction settings from the environment
import type { PermissionOptions } from "@lcc/s07"; // s07: permission modes and rules
import type { SettingsFile } from "@lcc/s08"; // s08: Claude Code-compatible hooks (settings files)
import { arrangePromptSections } from "@lcc/s10"; // s10: the prompt's section order and cache breakpoint
// s20 extends s19 (MCP servers) ← s18 (worktree lanes) ← s17 (autonomous teammates) ← s16 (team protocols)
// ← s15 (agent teams) ← s14 (prompts on a schedule) ← s13 (background commands) ← s12 (task graph)
// ← s11 (error recovery) ← s10 (system prompt) ← s09 (memory) ← s08 (hooks) ← s07 (permissions)
// ← s06 (compaction) ← s05 (skills) ← s04 (subagents) ← s03 (todo plan) ← s02 (bash, read/write/edit_file).
import { createRouterSetup, type RouterSetup } from "@lcc/s20"; // s20: one router for every tool source
import { createGlobTool } from "./tools/glob.ts"; // full: glob, the file finder users expect
import { createGrepTool } from "./tools/grep.ts"; // full: grep (ripgrep when installed, JS fallback)

/** The highest chapter whose setup `createFullSetup` builds on (shown in the banner and /help). */
export const INTEGRATED_CHAPTER = "s20";

/**
 * The setup lcc runs: the latest integrated chapter's, with its extras (plan, skills, compaction,
 * permissions, hooks, memory, prompt, retry policy, tasks, background commands, schedule, team with its
 * protocols, autonomy and worktree lanes, MCP servers, the router).
 */
export type FullSetup = RouterSetup;

/** The tools the product layer adds, by source, for s20's table (/tools). */
const PRODUCT_TOOL_SOURCES = { glob: "full", grep: "full" } as const;

/** Product-layer guidance that holds whichever chapters are integrated. */
export const PRODUCT_SECTION = [
  "You are lcc, a coding agent in the user's terminal. The user sees each tool call as one line and a short",
  "summary of its result, so explain your reasoning briefly in text and let the tools do the work.",
  "Use glob to find files by name and grep to search their contents before reading whole files.",
].join("\n");

/** What the product layer adds to the chapters' setup: its own hooks (run first), slash commands, /help notes. */
export interface ProductParts {
  hooks?: AgentHooks[];
  commands?: SlashCommand[];
  helpNotes?: string[];
  /** From the command line: --permission-mode, --allowedTools, --disallowedTools. */
  permissions?: Partial<Pick<PermissionOptions, "mode" | "allowedTools" | "disallowedTools">>;
  /** false: never run hooks from the workspace's own settings (--no-project-hooks). */
  projectHooks?: boolean;
  /** Hooks that come from lcc itself, not a file (the demo model's hook). */
  hookSettings?: readonly SettingsFile[];
  /** From --fallback-model: retries after repeated overloads go to this model (s11). */
  fallbackModel?: string;
  /** false in `lcc -p`: scheduled prompts never fire (the run ends with its turn; s14). */
  cronFires?: boolean;
  /** Teammates' names in colour (s15): lcc's own colour decision (NO_COLOR, a terminal). */
  teamColor?: boolean;
  /** From --mcp-config: MCP server configs, each a file path or an inline JSON string (s19). */
  mcpConfig?: readonly string[];
  /** From --strict-mcp-config: only the `mcpConfig` servers start (s19). */
  strictMcpConfig?: boolean;
}

/**
 * The full agent's setup: the latest integrated chapter's setup (which already holds every earlier
 * chapter's: prompt caching and /compact, permissions and /mode, hooks and /hooks, memory and /memory,
 * instruction files and /prompt, the retry policy, tasks, background commands, the schedule, the team,
 * worktree lanes, MCP servers from --mcp-config and the config files, the router and /tools), plus what
 * only the product has: glob and grep (traced to "full" in /tools), its
 * slash commands, and its hooks — first, so the session log records finished tool results before a
 * compaction in a later hook can take long (s11's retry wrapper stays the outermost model wrapper: the
 * product's hooks wrap no model call).
 */
export async function createFullSetup(context: SetupContext, product: ProductParts = {}): Promise<FullSetup> {
  const chapters = await createRouterSetup(context, {
    permissions: { ...product.permissions, compact: compactOptionsFromEnv(context.env ?? {}) },
    ...(product.projectHooks === undefined ? {} : { projectHooks: product.projectHooks }),
    ...(product.hookSettings ? { extraSettings: product.hookSettings } : {}),
    ...(product.fallbackModel ? { fallbackModel: product.fallbackModel } : {}),
    ...(product.cronFires === false ? { cronFires: false } : {}),
    ...(product.teamColor === undefined ? {} : { teamColor: product.teamColor }),
    ...(product.mcpConfig?.length ? { mcpConfig: [...product.mcpConfig] } : {}),
    ...(product.strictMcpConfig ? { strictMcpConfig: true } : {}),
    toolSources: PRODUCT_TOOL_SOURCES,
  });
  const setup = extendSetup(chapters, {
    systemSections: [{ name: "product", text: PRODUCT_SECTION }],
    tools: [createGlobTool(), createGrepTool()],
    commands: product.commands ?? [],
    helpNotes: product.helpNotes ?? [],
  });
  // The product section joins the tool guidance, inside the cached prefix (s10's order).
  const systemSections = arrangePromptSections(setup.systemSections);
  return { ...setup, systemSections, hooks: [...(product.hooks ?? []), ...setup.hooks] };
}
