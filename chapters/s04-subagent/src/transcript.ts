// A subagent's transcript: its whole conversation as JSON under `<lcc home>/transcripts/`, written atomically.
import { join } from "node:path";
import type { MessageParam } from "@lcc/s01";
import { type LoopEndReason, writeFileAtomic } from "@lcc/s02";
import { ensureLccHome } from "./lcc-home.ts";
import type { SubagentUsage } from "./subagent-events.ts";

export interface SubagentTranscript {
  kind: "subagent";
  parentToolUseId: string;
  agentType: string;
  description: string;
  model: string;
  system: string;
  tools: string[];
  startedAt: string;
  endedAt: string;
  reason: LoopEndReason;
  usage: SubagentUsage;
  messages: MessageParam[];
}

/** `subagent-<start time>-<tool_use id>.json`, safe on every file system. */
export function transcriptFileName(
  transcript: Pick<SubagentTranscript, "startedAt" | "parentToolUseId">,
): string {
  const time = transcript.startedAt.replace(/[:.]/g, "-");
  const id = transcript.parentToolUseId.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64);
  return `subagent-${time}-${id}.json`;
}

/** Writes the transcript (creating the state folder, git-excluded) and returns its absolute path. */
export async function writeSubagentTranscript(
  workspace: string,
  env: NodeJS.ProcessEnv,
  transcript: SubagentTranscript,
): Promise<string> {
  const home = await ensureLccHome(workspace, env);
  const path = join(home, "transcripts", transcriptFileName(transcript));
  await writeFileAtomic(path, `${JSON.stringify(transcript, null, 2)}\n`, { mode: 0o600 });
  return path;
}
