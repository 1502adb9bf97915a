// SOLUTION (s13 02): a wrapper around the session's message queue: background results that wait for the same
// model call become ONE <background-results> message with one <result> per command, in the order they ended.
import type { MessageQueue } from "@lcc/s02";

const SOURCE = "background";
const RESULT = /<result [\s\S]*?<\/result>/g;

/**
 * One <background-results> message holding the <result> elements of `contents` (each a message s13's
 * formatBackgroundResult built), in order. Pure.
 */
export function mergeBackgroundResults(contents: readonly string[]): string {
  const results = contents.flatMap((content) => content.match(RESULT) ?? []);
  return ["<background-results>", ...results, "</background-results>"].join("\n");
}

/**
 * `queue`, except that a pushed "background" message takes the background messages still waiting with it
 * into one merged message. Everything else goes to `queue` unchanged.
 */
export function coalesceBackgroundResults(queue: MessageQueue): MessageQueue {
  return {
    ...queue,
    push(message) {
      if (message.source !== SOURCE || typeof message.content !== "string") return queue.push(message);
      // Still queued means not yet in a model call: taking them back loses nothing and delivers nothing twice.
      const waiting = queue
        .withdraw(SOURCE)
        .flatMap((queued) => (typeof queued.content === "string" ? [queued.content] : []));
      if (waiting.length === 0) return queue.push(message);
      queue.push({ source: SOURCE, content: mergeBackgroundResults([...waiting, message.content]) });
    },
  };
}
