// Test helpers shared by the glob and grep tests: which implementations to run, a git workspace whose
// files have ascending modification times, tool calls through the real s02 executor, and the checks
// both tools share (aborting, ripgrep and the JS walk agreeing).
import { utimes } from "node:fs/promises";
import { join } from "node:path";
import { askWithoutTerminal } from "@lcc/chapter-kit";
import {
  type AgentEvent,
  createToolContext,
  createToolRegistry,
  runToolCall,
  type Tool,
  type ToolResult,
} from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import type { AddCleanup } from "@lcc/testkit/vitest";
import { expect } from "vitest";
import type { z } from "zod";
import type { FileSearchOptions, SearchImplementation } from "./pick-file-search.ts";
import { findRipgrep } from "./ripgrep.ts";

export const ripgrepInstalled = (await findRipgrep("rg")) !== undefined;

/** Both implementations when ripgrep is installed, else only the JS walk. */
export const searchImplementations: SearchImplementation[] = ripgrepInstalled
  ? ["ripgrep", "javascript"]
  : ["javascript"];

/**
 * `setup(files = defaultFiles)` for a test file: a git workspace holding `files`, oldest first (each later
 * file gets a newer modification time), removed through `addCleanup` after the test.
 */
export function searchWorkspaceSetup(addCleanup: AddCleanup, defaultFiles: Record<string, string>) {
  return async (files: Record<string, string> = defaultFiles) => {
    const workspace = await createTempWorkspace({ files, git: true });
    addCleanup(workspace.cleanup);
    const base = Date.now() / 1000 - 10_000;
    for (const [index, path] of Object.keys(files).entries()) {
      await utimes(join(workspace.dir, path), base + index * 10, base + index * 10);
    }
    return { dir: workspace.dir };
  };
}

/**
 * `call(workspace, input, options?)`: runs a fresh `createTool(options)` once on `input`, as the loop
 * would (input validation, errors turned into results), through the real s02 executor.
 */
export function toolCaller<Options>(createTool: (options?: Options) => Tool) {
  return async (workspace: string, input: unknown, options?: Options): Promise<ToolResult> => {
    const tool = createTool(options);
    const registry = createToolRegistry([tool]);
    let details: unknown;
    const context = {
      state: { messages: [] },
      workspace,
      signal: new AbortController().signal,
      turn: 1,
      // The tool_result block has no details: tool_end carries them, as for the UI.
      emit: (event: AgentEvent) => {
        if (event.type === "tool_end") details = event.details;
      },
      ask: askWithoutTerminal,
    };
    const call = { id: `toolu_${tool.name}`, name: tool.name, input };
    const block = await runToolCall(call, { registry, hooks: {}, childHooks: {}, context });
    return { content: block.content as ToolResult["content"], isError: Boolean(block.is_error), details };
  };
}

/** Starts `tool` on `input` in `workspace` and aborts it at once; returns the running call. */
export function runAndAbort<Schema extends z.ZodType>(
  tool: Tool<Schema>,
  workspace: string,
  input: z.infer<Schema>,
): Promise<unknown> {
  const controller = new AbortController();
  const running = tool.run(
    input,
    createToolContext(workspace, { signal: controller.signal, toolUseId: "t" }),
  );
  controller.abort();
  return running;
}

/** Expects the same content from ripgrep and from the JS walk for every input (named on failure). */
export async function expectSameAnswers(
  call: (workspace: string, input: unknown, options?: FileSearchOptions) => Promise<ToolResult>,
  workspace: string,
  inputs: readonly unknown[],
): Promise<void> {
  for (const input of inputs) {
    const viaRipgrep = await call(workspace, input, { implementation: "ripgrep" });
    const viaJavascript = await call(workspace, input, { implementation: "javascript" });
    expect(viaJavascript.content, JSON.stringify(input)).toBe(viaRipgrep.content);
  }
}
