// The transcript saved before a compaction: the whole history as JSONL, readable by its owner only.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups, useUsualUmask } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { saveTranscript } from "./transcript.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  useUsualUmask(addCleanup);
  return workspace.dir;
}

describe("saveTranscript", () => {
  it("writes one message per line to a file only its owner can read", async () => {
    const workspace = await setup();
    const path = await saveTranscript(
      join(workspace, ".lcc", "transcripts"),
      [
        { role: "user", content: "hello" },
        { role: "assistant", content: "hi" },
      ],
      new Date("2025-01-02T03:04:05.678Z"),
    );
    expect(path).toMatch(/\/compact-2025-01-02T03-04-05-678Z-[0-9a-f]{6}\.jsonl$/);
    expect(readFileSync(path, "utf8")).toBe(
      '{"role":"user","content":"hello"}\n{"role":"assistant","content":"hi"}\n',
    );
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
