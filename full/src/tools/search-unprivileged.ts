// Test helper: runs glob and grep in a child process as an unprivileged user, so unreadable folders
// are real even when the tests run as root (root reads any folder, whatever its mode).
import { fileURLToPath } from "node:url";
import { createToolContext, normalizeResult, type Tool } from "@lcc/s02";
import { runScriptAsNobody } from "@lcc/testkit";
import { createGlobTool } from "./glob.ts";
import { createGrepTool } from "./grep.ts";
import type { SearchImplementation } from "./pick-file-search.ts";

const thisFile = fileURLToPath(import.meta.url);

/** One call: which tool, through which implementation, with what input. */
export interface SearchCall {
  tool: "glob" | "grep";
  implementation: SearchImplementation;
  input: unknown;
}

/** What one call gave in the child: the result's content and details, or what it threw. */
export interface SearchOutcome {
  content?: unknown;
  details?: unknown;
  error?: string;
}

/**
 * Runs each call in one child process: as `nobody` when this process is root, else as this user.
 * Makes `workspace` itself enterable by others first (a temp workspace is 0700).
 */
export async function searchUnprivileged(
  workspace: string,
  calls: readonly SearchCall[],
): Promise<SearchOutcome[]> {
  const stdout = await runScriptAsNobody(thisFile, workspace, [JSON.stringify(calls)]);
  return JSON.parse(stdout) as SearchOutcome[];
}

async function runInChild(workspace: string, calls: SearchCall[]): Promise<void> {
  const outcomes: SearchOutcome[] = [];
  for (const call of calls) {
    const options = { implementation: call.implementation };
    const tool = (call.tool === "glob" ? createGlobTool(options) : createGrepTool(options)) as Tool;
    const context = createToolContext(workspace, { toolUseId: "toolu_child" });
    try {
      const { content, details } = normalizeResult(await tool.run(tool.input.parse(call.input), context));
      outcomes.push({ content, details });
    } catch (error) {
      outcomes.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  process.stdout.write(JSON.stringify(outcomes));
}

if (process.argv[1] === thisFile) {
  await runInChild(process.argv[2]!, JSON.parse(process.argv[3]!) as SearchCall[]);
}
