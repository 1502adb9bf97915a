// The hub's clocks as plain numbers and pure functions: how long a server may take to connect, how long a
// tool call may run, and how long a crashed server waits before the next call may restart it.

/** Connect (initialize + tools/list) timeout without `MCP_TIMEOUT`: 30 s, as Claude Code. */
export const DEFAULT_MCP_CONNECT_TIMEOUT_MS = 30_000;

/**
 * Tool call timeout without `MCP_TOOL_TIMEOUT`: 10 minutes, bash's longest timeout (s01). Long enough for a
 * server that builds, searches or browses; short enough that a hung server cannot hold a turn for hours
 * (Claude Code waits about 28 hours). The user's interrupt ends a call at any time regardless.
 */
export const DEFAULT_MCP_TOOL_TIMEOUT_MS = 600_000;

/** The first restart waits this long after a crash; each further failure in a row doubles it… */
export const FIRST_RESTART_DELAY_MS = 1_000;
/** …up to this cap. */
export const MAX_RESTART_DELAY_MS = 30_000;

/** A timeout in ms from an environment variable: a positive integer, else `fallback`. Pure. */
export function timeoutFromEnvironment(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^\d+$/.test(value.trim())) return fallback;
  const parsed = Number(value.trim());
  return parsed > 0 ? parsed : fallback;
}

/** How long to wait before restarting after `failures` failures in a row (1 s, 2 s, 4 s … 30 s). Pure. */
export function restartDelayMs(failures: number): number {
  const doublings = Math.max(0, failures - 1);
  return Math.min(FIRST_RESTART_DELAY_MS * 2 ** Math.min(doublings, 30), MAX_RESTART_DELAY_MS);
}
