import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import type { RecordedRequest, Script } from "@lcc/testkit";
import { type AddCleanup, makeTempFolder, startAgentTest } from "@lcc/testkit/vitest";
import { createTaskSetup, type TaskSetupOptions } from "./agent.ts";
import { createTaskStore, type TaskStore } from "./task-store.ts";

/** A store over `<workspace>/.lcc/tasks` in a fresh temp workspace (a fixed clock when `now` is given). */
export async function makeStore(
  addCleanup: AddCleanup,
  now?: () => Date,
): Promise<{ store: TaskStore; workspace: string; folder: string }> {
  const workspace = await makeTempFolder(addCleanup);
  const folder = join(workspace, ".lcc", "tasks");
  return { store: createTaskStore({ folder, root: workspace, ...(now ? { now } : {}) }), workspace, folder };
}

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  options?: TaskSetupOptions;
}

/**
 * `start(options)` for a test file: an s12 session (acceptEdits, temp home) on the fake API, removed after
 * the test. `run(line)` handles a line as the REPL does; `requests()` are checked for the pairing invariant.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (options: TestAgentOptions) => {
    const events: AgentEvent[] = [];
    const started = await startAgentTest(addCleanup, {
      script: options.script,
      files: options.files ?? {},
      model: DEFAULT_MODEL,
      homePrefix: "lcc-s12-home-",
      async createAgent({ home, ...context }) {
        const setupOptions = { permissions: { mode: "acceptEdits" as const }, home, ...options.options };
        const agent = await createSessionAgent((setup) => createTaskSetup(setup, setupOptions), context);
        agent.subscribe((event) => events.push(event));
        return agent;
      },
    });
    return { ...started, events };
  };
}

/** The tool results of the last user message of a request, as { text, isError }. */
export function toolResults(request: RecordedRequest | undefined): Array<{ text: string; isError: boolean }> {
  const content = request?.body.messages.at(-1)?.content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((block: Anthropic.ContentBlockParam) =>
    block.type === "tool_result"
      ? [
          {
            text: typeof block.content === "string" ? block.content : JSON.stringify(block.content),
            isError: block.is_error === true,
          },
        ]
      : [],
  );
}
