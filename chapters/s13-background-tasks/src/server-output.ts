// When a foreground command "looks like a server": the rule bash uses to move a dev server, a watcher
// or a preview to the background instead of blocking the turn until its timeout. Pure.

/** How long a foreground command runs before its output may mark it as a server (ms). */
export const DEFAULT_SERVER_AFTER_MS = 3000;

/**
 * Lines servers and watchers print once they are up: "listening on", "localhost:3000", Vite's
 * "ready in 312 ms", "watching for changes". Matched case-insensitively against the recent output.
 */
export const SERVER_OUTPUT_PATTERNS: readonly RegExp[] = [
  /\blistening (?:on|at)\b/i,
  /\bserver (?:is )?(?:running|started|listening)\b/i,
  /\bready (?:in|on)\b/i,
  /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1?\]):\d{2,5}\b/i,
  /\bwatching for (?:file )?changes\b/i,
  /\bwaiting for (?:file )?changes\b/i,
];

/**
 * True when `recentOutput` contains a line a server or watcher prints once it is up. Together with
 * "still running after DEFAULT_SERVER_AFTER_MS" this is the whole rule; a build that prints
 * "localhost:3000" and then exits before that time stays in the foreground.
 */
export function looksLikeServer(recentOutput: string): boolean {
  return SERVER_OUTPUT_PATTERNS.some((pattern) => pattern.test(recentOutput));
}
