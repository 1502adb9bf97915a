// Messages typed while a turn runs (steering, as in Claude Code): each is queued on the session's message
// queue so it rides with the next model call, shows as "⧖ queued: …" until then, and comes back to the
// input if the turn is interrupted first.
import { countOf } from "@lcc/chapter-kit";
import type { UserContentBlock } from "@lcc/s01";
import type { MessageQueue } from "@lcc/s02";
import type { Component } from "@mariozechner/pi-tui";
import type { Colors } from "../terminal/colors.ts";
import { fitWidth } from "./fit-width.ts";

/** The queue source of what the user typed. */
export const TYPED_SOURCE = "you";

export interface SteeringOptions {
  queue: MessageQueue;
  colors: Colors;
  /** A typed message joined a model call: the shell echoes it into the transcript. */
  onDelivered(text: string): void;
  requestRender(): void;
}

export interface Steering {
  /** "⧖ queued: …" rows, one per message not yet delivered. */
  readonly component: Component;
  /** Queues `text` (shown as typed) with `content` (what the model reads; default the text). */
  push(text: string, content?: string | UserContentBlock[]): void;
  /** The texts typed and not yet delivered, oldest first. */
  pending(): string[];
  /**
   * Takes every undelivered typed message out of the queue and returns their texts (oldest first); the
   * other sources' messages stay queued, undelivered (an inbox message is acknowledged only on delivery).
   */
  takeBack(): string[];
}

export function createSteering(options: SteeringOptions): Steering {
  const { queue, colors } = options;
  const waiting: Array<{ text: string; content: string | UserContentBlock[] }> = [];
  const component: Component = {
    render(width) {
      return waiting.map(({ text }) => {
        const first = text.split("\n")[0] ?? "";
        const more = text.includes("\n")
          ? colors.dim(` (+${countOf(text.split("\n").length - 1, "line")})`)
          : "";
        return fitWidth(`${colors.dim("⧖ queued:")} ${first}${more}`, width);
      });
    },
    invalidate() {},
  };
  return {
    component,
    push(text, content = text) {
      const entry = { text, content };
      waiting.push(entry);
      queue.push({
        source: TYPED_SOURCE,
        content,
        onDrained: () => {
          const index = waiting.indexOf(entry);
          if (index < 0) return;
          waiting.splice(index, 1);
          options.onDelivered(text);
          options.requestRender();
        },
      });
      options.requestRender();
    },
    pending: () => waiting.map((entry) => entry.text),
    takeBack() {
      if (waiting.length === 0) return [];
      const texts = waiting.splice(0).map((entry) => entry.text);
      queue.withdraw(TYPED_SOURCE);
      options.requestRender();
      return texts;
    },
  };
}
