// The activity line above the input while a turn runs: a spinner, what the agent does now (thinking,
// writing, running a tool, compacting), the turn's time and tokens, and how to interrupt it.
import type { AgentEvent } from "@lcc/s02";
import type { Component } from "@mariozechner/pi-tui";
import { formatTokens } from "../session/cost.ts";
import type { Colors } from "../terminal/colors.ts";
import { fitWidth } from "./fit-width.ts";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface ActivityLineOptions {
  colors: Colors;
  /** Asks the TUI to draw again (each spinner frame). */
  requestRender(): void;
  /** Tokens the API reported for this turn so far (input and output). */
  tokens(): number;
  now?: () => number;
  /** Spinner frame interval (default 80 ms). */
  intervalMs?: number;
}

export interface ActivityLine {
  /** One row while active ("⠹ Thinking… (3.2s · 1.2k tokens · esc to interrupt)"), none otherwise. */
  readonly component: Component;
  /** Starts the turn's clock with `label` (default "Thinking…"). */
  start(label?: string): void;
  /** Follows the turn's events: the label says what runs now. No effect while stopped. */
  onEvent(event: AgentEvent): void;
  /** Hides the line and stops its timer; safe when already stopped. */
  stop(): void;
  /** The label while active, else undefined. */
  label(): string | undefined;
}

/** The label an event leads to, or undefined when the event changes nothing. Pure. */
export function activityOf(event: AgentEvent): string | undefined {
  switch (event.type) {
    case "turn_start":
    case "tool_end":
      return "Thinking…";
    case "text_delta":
      return "Writing…";
    case "tool_start":
      return `Running ${event.name}…`;
    // s06's compactions: a full one is a model request of its own.
    case "compaction_start":
      return event.kind === "full" ? "Compacting…" : undefined;
    case "compaction_end":
      return "Thinking…";
    default:
      return undefined;
  }
}

export function createActivityLine(options: ActivityLineOptions): ActivityLine {
  const { colors } = options;
  const now = options.now ?? Date.now;
  let label: string | undefined;
  let startedAt = 0;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const component: Component = {
    render(width) {
      if (label === undefined) return [];
      const seconds = ((now() - startedAt) / 1000).toFixed(1);
      const tokens = options.tokens();
      const details = [`${seconds}s`, tokens > 0 ? `${formatTokens(tokens)} tokens` : "", "esc to interrupt"]
        .filter(Boolean)
        .join(" · ");
      const glyph = colors.cyan(FRAMES[frame % FRAMES.length] ?? "⠋");
      return [fitWidth(`${glyph} ${label} ${colors.dim(`(${details})`)}`, width)];
    },
    invalidate() {},
  };
  return {
    component,
    start(next = "Thinking…") {
      label = next;
      startedAt = now();
      if (!timer) {
        timer = setInterval(() => {
          frame += 1;
          options.requestRender();
        }, options.intervalMs ?? 80);
        timer.unref();
      }
      options.requestRender();
    },
    onEvent(event) {
      if (label === undefined) return;
      const next = activityOf(event);
      if (next !== undefined && next !== label) {
        label = next;
        options.requestRender();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (label !== undefined) {
        label = undefined;
        options.requestRender();
      }
    },
    label: () => label,
  };
}
