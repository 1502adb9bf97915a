// A subagent's transcript on disk: private to the user (0600 in a 0700 state folder), named safely.
import { readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups, useUsualUmask } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { type SubagentTranscript, transcriptFileName, writeSubagentTranscript } from "./transcript.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  useUsualUmask(addCleanup);
  return workspace.dir;
}

const transcript: SubagentTranscript = {
  kind: "subagent",
  parentToolUseId: "toolu_01:x/y",
  agentType: "general",
  description: "look around",
  model: "claude-test",
  system: "You are a subagent.",
  tools: ["read_file"],
  startedAt: "2025-01-02T03:04:05.678Z",
  endedAt: "2025-01-02T03:04:06.000Z",
  reason: "end_turn",
  usage: { inputTokens: 1, outputTokens: 2, rounds: 1, toolCalls: 0 },
  messages: [{ role: "user", content: "look around" }],
};

describe("writeSubagentTranscript", () => {
  it("writes the transcript readable by its owner only, in a private state folder", async () => {
    const workspace = await setup();
    const path = await writeSubagentTranscript(workspace, {}, transcript);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(transcript);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(dirname(path))).mode & 0o777).toBe(0o700);
  });

  it("names the file by start time and a sanitised tool_use id", () => {
    expect(transcriptFileName(transcript)).toBe("subagent-2025-01-02T03-04-05-678Z-toolu_01_x_y.json");
  });
});
