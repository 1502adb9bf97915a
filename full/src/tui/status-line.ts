// The status line under the input: model, permission mode (Shift+Tab cycles it), how full the context
// was at the last request, its cache hit rate, background commands and teammates at work. One row, never wrapped.
import type { PermissionMode } from "@lcc/s07";
import { type Component, visibleWidth } from "@mariozechner/pi-tui";
import type { TokenUsage } from "../session/cost.ts";
import type { Colors } from "../terminal/colors.ts";
import { describeBackground, describeMode, describeTeam } from "../terminal/session-status.ts";
import { fitWidth } from "./fit-width.ts";

export interface StatusState {
  model: string;
  mode: PermissionMode;
  /** The last request's input (uncached + cache read + cache write), undefined before the first request. */
  lastUsage?: TokenUsage;
  /** The context window in tokens. */
  contextWindow: number;
  /** Background commands running (s13). */
  background: number;
  /** Teammates working (s15). */
  working: number;
}

interface Segment {
  text: string;
  /** Lower goes first when the row is too narrow. */
  keep: number;
}

const SEPARATOR = " · ";

/**
 * "claude-opus-4-5 · ⏵⏵ accept edits (shift+tab) · ctx 12% · cache 87% · ⧗ 2 background · ⚑ 1 working".
 * When `width` is too narrow, whole parts go first (the Shift+Tab hint, the model, the cache rate, the
 * context share), then what is left is cut with "…"; the result's visible width never exceeds `width`. Pure.
 */
export function describeStatus(state: StatusState, colors: Colors, width: number): string {
  const mode = describeMode(state.mode, colors) || colors.dim("default mode");
  const segments: Segment[] = [
    { text: colors.dim(state.model), keep: 1 },
    { text: mode, keep: 9 },
    { text: colors.dim("(shift+tab)"), keep: 0 },
  ];
  const usage = state.lastUsage;
  if (usage) {
    const input = usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
    const used = Math.round((input / state.contextWindow) * 100);
    const hit = input === 0 ? 0 : Math.round((usage.cache_read_input_tokens / input) * 100);
    const ctx = `ctx ${used}%`;
    segments.push({ text: used >= 80 ? colors.yellow(ctx) : colors.dim(ctx), keep: 3 });
    segments.push({ text: colors.dim(`cache ${hit}%`), keep: 2 });
  }
  const background = describeBackground(state.background, colors);
  if (background) segments.push({ text: background, keep: 8 });
  const team = describeTeam(state.working, colors);
  if (team) segments.push({ text: team, keep: 7 });

  const join = (parts: Segment[]) =>
    parts
      .map((part, index) => {
        // The hint belongs to the mode: a space before it, not a separator.
        if (index === 0) return part.text;
        return part.keep === 0 ? ` ${part.text}` : `${colors.dim(SEPARATOR)}${part.text}`;
      })
      .join("");
  let kept = segments;
  let line = join(kept);
  while (visibleWidth(line) > width && kept.length > 1) {
    const lowest = kept.reduce((low, part) => (part.keep < low.keep ? part : low));
    kept = kept.filter((part) => part !== lowest);
    line = join(kept);
  }
  return fitWidth(line, width);
}

/**
 * The status line as a component: `read()` is called at every render, so a change (a mode cycled, a
 * command finished) shows at the next render; `hint()` adds a dim row under it while it says something.
 */
export function createStatusLine(
  read: () => StatusState,
  colors: Colors,
  hint: () => string | undefined = () => undefined,
): Component {
  return {
    render(width) {
      const text = hint();
      const status = describeStatus(read(), colors, width);
      return text ? [status, fitWidth(colors.dim(text), width)] : [status];
    },
    invalidate() {},
  };
}
