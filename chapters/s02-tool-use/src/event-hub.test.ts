// The event hub: notices raised before anyone listened reach the first UI subscriber, and nothing
// else is kept, so a session nobody watches does not grow.
import { describe, expect, it } from "vitest";
import { createEventHub } from "./event-hub.ts";
import type { AgentEvent } from "./events.ts";

describe("event hub", () => {
  it("keeps only notices, at most 100, for the first subscriber that replays", () => {
    const hub = createEventHub();
    const internal: AgentEvent[] = [];
    hub.subscribe((event) => internal.push(event), { replay: false });
    for (let index = 0; index < 1000; index++) hub.emit({ type: "text_delta", text: "x" });
    for (let index = 0; index < 150; index++) hub.emit({ type: "notice", source: "test", text: `n${index}` });
    const first: AgentEvent[] = [];
    hub.subscribe((event) => first.push(event));
    expect(first).toHaveLength(100);
    expect(first.every((event) => event.type === "notice")).toBe(true);
    const second: AgentEvent[] = [];
    hub.subscribe((event) => second.push(event));
    expect(second).toEqual([]);
    expect(internal).toHaveLength(1150);
  });
});
