// EXERCISE (s13 02): a wrapper around the session's message queue: background results that wait for the same
// model call become ONE <background-results> message with one <result> per command, in the order they ended.
import type { MessageQueue } from "@lcc/s02";

/**
 * One <background-results> message holding the <result> elements of `contents` (each a message s13's
 * formatBackgroundResult built), in order. Pure.
 */
export function mergeBackgroundResults(contents: readonly string[]): string {
  // TODO: keep each <result …>…</result>, wrapped once in <background-results>.
  return contents.join("\n");
}

/**
 * `queue`, except that a pushed "background" message takes the background messages still waiting with it
 * into one merged message. Everything else goes to `queue` unchanged.
 */
export function coalesceBackgroundResults(queue: MessageQueue): MessageQueue {
  // TODO: on a "background" push, withdraw the waiting ones and push one merged message instead.
  return queue;
}
