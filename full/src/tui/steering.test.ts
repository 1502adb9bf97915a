// Steering: a typed message waits on the real message queue, shows as queued, is echoed when a drain
// hands it to the model, and comes back (others' messages kept, in order) when taken back.
import { createMessageQueue } from "@lcc/s02";
import { describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { createSteering, TYPED_SOURCE } from "./steering.ts";

function setup() {
  const queue = createMessageQueue();
  const delivered: string[] = [];
  const steering = createSteering({
    queue,
    colors: createColors(false),
    onDelivered: (text) => delivered.push(text),
    requestRender() {},
  });
  return { queue, delivered, steering };
}

describe("createSteering", () => {
  it("queues the typed text for the next model call and shows it until a drain delivers it", () => {
    const { queue, delivered, steering } = setup();
    steering.push("also update the docs");
    steering.push("and the tests\nwith two lines");
    expect(queue.size("running_turn")).toBe(2);
    expect(steering.component.render(80)).toEqual([
      "⧖ queued: also update the docs",
      "⧖ queued: and the tests (+1 line)",
    ]);
    const drained = queue.drain("running_turn");
    expect(drained.map((message) => [message.source, message.content])).toEqual([
      [TYPED_SOURCE, "also update the docs"],
      [TYPED_SOURCE, "and the tests\nwith two lines"],
    ]);
    expect(delivered).toEqual(["also update the docs", "and the tests\nwith two lines"]);
    expect(steering.component.render(80)).toEqual([]);
    expect(steering.pending()).toEqual([]);
  });

  it("takes back what was not delivered and leaves the other sources' messages queued in order, undelivered", () => {
    const { queue, delivered, steering } = setup();
    const acknowledged: string[] = [];
    queue.push({ source: "background", content: "b1 done", onDrained: () => acknowledged.push("b1") });
    steering.push("first");
    queue.push({ source: "inbox:bob", content: "hello", betweenTurns: true });
    steering.push("second", [{ type: "text", text: "second with a file" }]);
    expect(steering.takeBack()).toEqual(["first", "second"]);
    expect(delivered).toEqual([]);
    // The others were not delivered by the take-back: acknowledged only when a drain hands them out.
    expect(acknowledged).toEqual([]);
    expect(steering.component.render(80)).toEqual([]);
    const left = queue.drain();
    expect(left.map((message) => message.source)).toEqual(["background", "inbox:bob"]);
    expect(left[1]?.betweenTurns).toBe(true);
    expect(acknowledged).toEqual(["b1"]);
    expect(steering.takeBack()).toEqual([]);
  });

  it("cuts a long queued line to the width", () => {
    const { steering } = setup();
    steering.push("x".repeat(100));
    expect(steering.component.render(20)).toEqual([`⧖ queued: ${"x".repeat(9)}…`]);
  });
});
