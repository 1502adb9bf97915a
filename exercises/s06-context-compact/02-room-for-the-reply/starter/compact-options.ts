// A copy of s06's numbers (chapters/s06-context-compact/src/compact-options.ts) to change: the auto-compaction
// threshold must leave room in the window for the model's reply (and for the summary request's own answer).
import type Anthropic from "@anthropic-ai/sdk";

/** The context window assumed when none is configured (tokens). */
export const DEFAULT_CONTEXT_WINDOW = 200_000;
/** Auto-compaction starts when the last request's reported input passes this share of the window. */
export const DEFAULT_AUTO_COMPACT_RATIO = 0.8;
/** Tokens of the window kept free for the model's reply: the threshold is never above window minus this. */
export const DEFAULT_RESERVED_OUTPUT_TOKENS = 20_000;
/** Micro-compaction is considered only above this share of the auto-compaction threshold. */
export const DEFAULT_MICRO_COMPACT_RATIO = 0.5;
/** ... and only when one batch frees at least this share of the auto threshold, so the cached prefix changes rarely. */
export const DEFAULT_MICRO_COMPACT_MIN_SAVED_RATIO = 0.25;

export interface CompactOptions {
  /** Tokens the model accepts. */
  contextWindow: number;
  /** Auto-compact when the input tokens reported for the last request exceed this. */
  autoCompactTokens: number;
  /** Tokens of the window the reply needs: `autoCompactTokens` is never above `contextWindow` minus this. */
  reservedOutputTokens: number;
  /** Lever 1 on or off. */
  microCompact: boolean;
  /** Lever 1 runs only when the last request reported more input tokens than this... */
  microCompactTokens: number;
  /** ...and the batch frees at least this many tokens (estimated with the API-reported tokens per character). */
  microCompactMinSavedTokens: number;
  /** Tool results this recent are never cleared. */
  keepRecentToolResults: number;
  /** Lever 0: a tool output longer than this is saved to a file and replaced by a preview. */
  largeOutputChars: number;
  /** After this many failed compactions in a row, auto-compaction stops (a manual /compact may restart it). */
  maxConsecutiveFailures: number;
  /** Files re-read into the history after a compaction (most recently touched first) and each one's cap. */
  recentFiles: number;
  recentFileMaxChars: number;
  /** Adds cache_control breakpoints (end of system prompt, end of history) to every request. */
  promptCaching: boolean;
  /** The state directory; default `lccHome(workspace, env)` from s04. */
  home?: string;
}

/**
 * Fills in defaults. `autoCompactTokens` defaults to 80% of `contextWindow`; `microCompactTokens`
 * to half of it and `microCompactMinSavedTokens` to a quarter of it (160,000 / 80,000 / 40,000 for a
 * 200,000-token window), so setting a tiny threshold (the demo) scales every lever.
 */
export function resolveCompactOptions(options: Partial<CompactOptions> = {}): CompactOptions {
  const contextWindow = options.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  const autoCompactTokens =
    options.autoCompactTokens ?? Math.round(contextWindow * DEFAULT_AUTO_COMPACT_RATIO);
  return {
    contextWindow,
    autoCompactTokens,
    reservedOutputTokens: options.reservedOutputTokens ?? DEFAULT_RESERVED_OUTPUT_TOKENS,
    microCompact: options.microCompact ?? true,
    microCompactTokens:
      options.microCompactTokens ?? Math.round(autoCompactTokens * DEFAULT_MICRO_COMPACT_RATIO),
    microCompactMinSavedTokens:
      options.microCompactMinSavedTokens ??
      Math.round(autoCompactTokens * DEFAULT_MICRO_COMPACT_MIN_SAVED_RATIO),
    keepRecentToolResults: options.keepRecentToolResults ?? 3,
    largeOutputChars: options.largeOutputChars ?? 30_000,
    maxConsecutiveFailures: options.maxConsecutiveFailures ?? 3,
    recentFiles: options.recentFiles ?? 5,
    recentFileMaxChars: options.recentFileMaxChars ?? 16_000,
    promptCaching: options.promptCaching ?? true,
    ...(options.home === undefined ? {} : { home: options.home }),
  };
}

/**
 * Options from the environment: LCC_CONTEXT_WINDOW (tokens), LCC_AUTOCOMPACT_PERCENT (1–100, of the
 * window) and LCC_MICROCOMPACT=0 to turn lever 1 off. Invalid values are ignored.
 */
export function compactOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<CompactOptions> {
  const options: Partial<CompactOptions> = {};
  const window = Number.parseInt(env.LCC_CONTEXT_WINDOW ?? "", 10);
  if (Number.isFinite(window) && window > 0) options.contextWindow = window;
  const percent = Number.parseFloat(env.LCC_AUTOCOMPACT_PERCENT ?? "");
  if (Number.isFinite(percent) && percent > 0 && percent <= 100) {
    options.autoCompactTokens = Math.round(
      (options.contextWindow ?? DEFAULT_CONTEXT_WINDOW) * (percent / 100),
    );
  }
  if (env.LCC_MICROCOMPACT === "0") options.microCompact = false;
  return options;
}

/** The context size the API reported for a request: uncached input plus cache reads and writes. */
export function reportedContextTokens(usage: Anthropic.Usage | undefined): number | undefined {
  if (!usage) return undefined;
  return usage.input_tokens + (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
}
