// The "looks like a server" rule and the lines s13 prints: pure functions over plain data.
import { describe, expect, it } from "vitest";
import { type BackgroundJob, formatDuration } from "./background-job.ts";
import { describeEnd, describeStart } from "./background-renderer.ts";
import { looksLikeServer } from "./server-output.ts";

const job = (overrides: Partial<BackgroundJob>): BackgroundJob => ({
  id: "b3",
  command: "npm run dev",
  origin: "background_run",
  status: "completed",
  pid: 1,
  startedAt: 0,
  endedAt: 2100,
  exitCode: 0,
  signal: null,
  logPath: "/w/.lcc/runtime/b3.log",
  ...overrides,
});

describe("looksLikeServer", () => {
  it.each([
    ["Server listening on port 8080", true],
    ["  ➜  Local:   http://localhost:5173/\n  VITE v5 ready in 312 ms", true],
    ["App running at http://127.0.0.1:3000", true],
    ["webpack: watching for file changes...", true],
    ["Listening at http://[::1]:4000", true],
    ["compiling 12 modules\nwrote dist/app.js", false],
    ["error: port 3000 is taken", false],
    ["", false],
  ])("%j → %s", (output, expected) => {
    expect(looksLikeServer(output)).toBe(expected);
  });
});

describe("the renderer's lines", () => {
  it("names the source, the id, the exit code and the duration", () => {
    expect(describeEnd(job({}))).toBe("background b3 finished · exit 0 · 2.1 s");
    expect(describeEnd(job({ status: "failed", exitCode: 2 }))).toBe("background b3 failed · exit 2 · 2.1 s");
    expect(describeEnd(job({ status: "killed", exitCode: null, signal: "SIGTERM" }))).toBe(
      "background b3 killed · 2.1 s",
    );
    expect(describeEnd(job({ status: "timed_out", exitCode: null }))).toBe("background b3 timed out · 2.1 s");
    expect(describeStart(job({ origin: "bash_server" }))).toBe(
      "background b3 moved from bash (looks like a server): npm run dev",
    );
  });

  it("formats durations for people", () => {
    expect([900, 45_000, 185_000, 7_440_000].map(formatDuration)).toEqual([
      "0.9 s",
      "45 s",
      "3 min 5 s",
      "2 h 4 min",
    ]);
  });
});
