import { appendFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLaneRepository, type LaneRepository } from "./test-lanes.ts";

let repo: LaneRepository;
afterEach(async () => {
  await repo?.cleanup();
});

describe("the lane events log", () => {
  it("appends create, run and remove in order, with time, name and detail", async () => {
    repo = await createLaneRepository();
    const { manager } = repo;
    await manager.create({ name: "logged" });
    await manager.run("logged", "exit 3");
    await manager.remove("logged");
    const events = await manager.events();
    expect(events.map((event) => event.type)).toEqual(["create", "run_start", "run_end", "remove"]);
    expect(events[1]?.detail).toEqual({ command: "exit 3" });
    expect(events[2]?.detail).toMatchObject({ command: "exit 3", exitCode: 3, timedOut: false });
    expect(events.every((event) => event.name === "logged" && !Number.isNaN(Date.parse(event.time)))).toBe(
      true,
    );
    expect((await manager.events({ limit: 2 })).map((event) => event.type)).toEqual(["run_end", "remove"]);
  });

  it("skips a torn last line", async () => {
    repo = await createLaneRepository();
    const { manager } = repo;
    await manager.create({ name: "torn" });
    await appendFile(join(manager.folder, "events.jsonl"), '{"time":"2026-01-01T00:00:00.000Z","type":"ke');
    expect((await manager.events()).map((event) => event.type)).toEqual(["create"]);
  });

  it("keeps every line whole when two managers append at once", async () => {
    repo = await createLaneRepository();
    const first = repo.manager;
    const second = repo.restart();
    await first.create({ name: "a" });
    await second.create({ name: "b" });
    const runs = Array.from({ length: 20 }, (_, index) =>
      (index % 2 === 0 ? first : second).run(
        index % 2 === 0 ? "a" : "b",
        `echo ${"x".repeat(4000)} ${index}`,
      ),
    );
    await Promise.all(runs);
    const text = await readFile(join(first.folder, "events.jsonl"), "utf8");
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(2 + 40);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect((await first.events({ limit: 100 })).length).toBe(42);
  });
});
