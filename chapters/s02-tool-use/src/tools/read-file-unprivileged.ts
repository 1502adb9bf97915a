// Test helper: runs read_file in a child process as an unprivileged user, so permission errors are
// real even when the tests run as root (root reads any file, whatever its mode).
import { fileURLToPath } from "node:url";
import { runScriptAsNobody } from "@lcc/testkit";
import { createToolContext, normalizeResult } from "../tool.ts";
import { createReadFileTool } from "./read-file.ts";

const thisFile = fileURLToPath(import.meta.url);

/** What one call gave in the child: the result's content, or the message of what it threw. */
export interface UnprivilegedOutcome {
  content?: unknown;
  error?: string;
}

/**
 * Runs read_file once per input in a child process: as `nobody` when this process is root, else as
 * this user. Makes `workspace` itself enterable by others first (a temp workspace is 0700).
 */
export async function readFileUnprivileged(
  workspace: string,
  inputs: readonly unknown[],
): Promise<UnprivilegedOutcome[]> {
  const stdout = await runScriptAsNobody(thisFile, workspace, [JSON.stringify(inputs)]);
  return JSON.parse(stdout) as UnprivilegedOutcome[];
}

async function runInChild(workspace: string, inputs: unknown[]): Promise<void> {
  const tool = createReadFileTool();
  const outcomes: UnprivilegedOutcome[] = [];
  for (const input of inputs) {
    const context = createToolContext(workspace, { toolUseId: "toolu_child" });
    try {
      outcomes.push({ content: normalizeResult(await tool.run(tool.input.parse(input), context)).content });
    } catch (error) {
      outcomes.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  process.stdout.write(JSON.stringify(outcomes));
}

if (process.argv[1] === thisFile) {
  await runInChild(process.argv[2]!, JSON.parse(process.argv[3]!) as unknown[]);
}
