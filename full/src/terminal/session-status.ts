// What lcc says about the session between turns, shared by the readline prompt and the TUI's status
// line: the permission mode and Shift+Tab's cycle, running background commands and teammates, the turn footer.
import type { PermissionMode } from "@lcc/s07";
import { cacheHitRate, formatTokens, type TokenUsage } from "../session/cost.ts";
import type { Colors } from "./colors.ts";

/**
 * The next mode for Shift+Tab, as Claude Code cycles them: default → acceptEdits → plan → default, with
 * bypassPermissions after plan only when the session started in it. A mode outside the cycle goes to default.
 */
export function modeCycle(startMode: PermissionMode): (mode: PermissionMode) => PermissionMode {
  const modes: PermissionMode[] = ["default", "acceptEdits", "plan"];
  if (startMode === "bypassPermissions") modes.push("bypassPermissions");
  return (mode) => modes[(modes.indexOf(mode) + 1) % modes.length] ?? "default";
}

/** The mode when it is not default ("⏵⏵ accept edits"); "" for default. */
export function describeMode(mode: PermissionMode, colors: Colors): string {
  if (mode === "acceptEdits") return colors.magenta("⏵⏵ accept edits");
  if (mode === "plan") return colors.cyan("⏸ plan mode");
  if (mode === "bypassPermissions") return colors.red("⏵⏵ bypass permissions");
  return "";
}

/** Background commands running (s13): "⧗ 2 background" (/bg lists them); "" when none. */
export function describeBackground(running: number, colors: Colors): string {
  return running === 0 ? "" : colors.yellow(`⧗ ${running} background`);
}

/** Teammates working (s15): "⚑ 2 working" (/team lists them); "" when none. */
export function describeTeam(working: number, colors: Colors): string {
  return working === 0 ? "" : colors.blue(`⚑ ${working} working`);
}

/** The line after a turn: "· 1.2s · 3.4k in (80% cached) · 120 out". */
export function turnFooter(usage: TokenUsage, durationMs: number): string {
  const input = usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
  const hit = (cacheHitRate(usage) * 100).toFixed(0);
  return `· ${(durationMs / 1000).toFixed(1)}s · ${formatTokens(input)} in (${hit}% cached) · ${formatTokens(usage.output_tokens)} out`;
}
