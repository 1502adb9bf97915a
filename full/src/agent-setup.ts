// The agent `lcc` runs, built by ONE function. Each import names the chapter that taught the piece;
// to integrate a new chapter, swap the base setup for that chapter's builder (it extends the earlier ones).
import type { MessageParam } from "@lcc/s01";
import { type AgentSetup, extendSetup, type SetupContext } from "@lcc/s02"; // s02: tool contract, cumulative setups
// s06 extends s05 (skills) ← s04 (subagents) ← s03 (todo plan) ← s02 (bash, read/write/edit_file).
import {
  compactOptionsFromEnv,
  createCompactSetup,
  NOTHING_TO_COMPACT,
  resolveCompactOptions,
} from "@lcc/s06"; // s06: context compaction, its four levers, prompt caching
import { createGlobTool } from "./tools/glob.ts"; // full: glob, the file finder users expect
import { createGrepTool } from "./tools/grep.ts"; // full: grep (ripgrep when installed, JS fallback)

/** The highest chapter whose setup `createFullSetup` builds on (shown in the banner and /help). */
export const INTEGRATED_CHAPTER = "s06";

/** Handles on capabilities the slash commands use; absent until the chapter that teaches it is integrated. */
export interface Capabilities {
  /** s06: the context window the compaction levers work with, and where auto-compaction starts (`/context`). */
  contextWindow?: { tokens: number; autoCompactTokens: number };
  /** s05: the skills catalogue (`/skills`). */
  skills?: () => Array<{ name: string; description: string }>;
  /** s06: compacts `messages` now, optionally focused (`/compact [focus]`); `messages` is the new history, if any. */
  compact?: (
    messages: readonly MessageParam[],
    focus: string | undefined,
    signal: AbortSignal,
  ) => Promise<{ messages?: MessageParam[]; report: string }>;
}

export interface FullSetup extends AgentSetup {
  capabilities: Capabilities;
}

/** Product-layer guidance that holds whichever chapters are integrated. */
export const PRODUCT_SECTION = [
  "You are lcc, a coding agent in the user's terminal. The user sees each tool call as one line and a short",
  "summary of its result, so explain your reasoning briefly in text and let the tools do the work.",
  "Use glob to find files by name and grep to search their contents before reading whole files.",
].join("\n");

/**
 * The full agent's setup: the latest integrated chapter's setup (which already contains every earlier
 * chapter's, prompt caching from s06 included), plus what only the product has: glob and grep.
 */
export function createFullSetup(context: SetupContext): FullSetup {
  const compactOptions = compactOptionsFromEnv(context.env ?? {});
  const chapters = createCompactSetup(context, compactOptions);
  const { contextWindow, autoCompactTokens } = resolveCompactOptions(compactOptions);
  const setup = extendSetup(chapters, {
    systemSections: [PRODUCT_SECTION],
    tools: [createGlobTool(), createGrepTool()],
  });
  return {
    ...setup,
    capabilities: {
      contextWindow: { tokens: contextWindow, autoCompactTokens },
      skills: () => chapters.skills.skills.map(({ name, description }) => ({ name, description })),
      async compact(messages, focus, signal) {
        const outcome = await chapters.compaction.compact(messages, {
          trigger: "manual",
          signal,
          ...(focus ? { focus } : {}),
        });
        if (!outcome.ok)
          return {
            report:
              outcome.reason === NOTHING_TO_COMPACT ? outcome.reason : `Compaction failed: ${outcome.reason}`,
          };
        return {
          messages: outcome.messages,
          report: `Compacted: the history is now a ${outcome.summary.length}-character summary (transcript: ${outcome.transcriptPath}).`,
        };
      },
    },
  };
}
