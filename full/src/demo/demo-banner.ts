// The banner lcc prints when the demo model answers: why, what the tour will do here, how to use Claude.
import { wrapWords } from "@lcc/chapter-kit";
import type { Colors } from "../terminal/colors.ts";
import { DEMO_MCP_SERVER } from "./demo-mcp-config.ts";

/** The banner's width when the output's is unknown (a pipe), and its widest in a wide terminal. */
export const BANNER_MAX_COLUMNS = 100;

/**
 * The demo banner, yellow; `forced`: --demo was given (else no key was found). Its paragraphs are wrapped
 * between words to `columns` (the terminal's width; at most BANNER_MAX_COLUMNS).
 */
export function demoBanner(colors: Colors, scratchPath: string, forced: boolean, columns?: number): string {
  const why = forced ? "--demo was given" : "no API key was found";
  const width = Math.max(20, Math.min(columns ?? BANNER_MAX_COLUMNS, BANNER_MAX_COLUMNS));
  const paragraphs = [
    `DEMO MODE: ${why}, so lcc runs its built-in scripted model, not Claude.`,
    `It tours the harness here: plans, reads the README, runs git status or ls, edits ${scratchPath} ` +
      "(under a permission prompt, with a hook watching), asks a subagent, saves a memory of the tour, " +
      "adds two tasks to .lcc/tasks, runs a build in the background and calls a tool of its MCP server " +
      `"${DEMO_MCP_SERVER}" (/mcp lists it), meeting one simulated overload on the way. Ask it for a team ` +
      '("build it with a team") to watch two teammates claim tasks at once, one in a git worktree, and ' +
      "shut down through the handshake.",
    "To use Claude: export ANTHROPIC_API_KEY=sk-ant-... (or ANTHROPIC_AUTH_TOKEN, and ANTHROPIC_BASE_URL " +
      "for a compatible endpoint), or put it in ~/.lcc/.env, then run lcc again.",
  ];
  return colors.yellow(paragraphs.flatMap((paragraph) => wrapWords(paragraph, width)).join("\n"));
}
