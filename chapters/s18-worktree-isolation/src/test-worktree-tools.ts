// Test helpers for the worktree tools: a lane repository (test-lanes.ts) with the seven tools, each call
// sent through s02's real tool pipeline (validate → hooks → permission → run), so a refusal is read back as
// the is_error result the model gets, with the details the UI gets. Not part of the public surface.
import { askWithoutTerminal } from "@lcc/chapter-kit";
import { type AgentEvent, type AgentHooks, createToolRegistry, runToolCall, type Tool } from "@lcc/s02";
import { createLaneRepository, type LaneRepository } from "./test-lanes.ts";
import { createWorktreeTools } from "./tools/index.ts";

/** What one call gave: the model's text and flags, and the tool's typed details. */
export interface ToolCallOutcome {
  text: string;
  isError: boolean;
  interrupted: boolean;
  details: unknown;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** The per-call seams (s07's permission hooks in a test). */
  hooks?: AgentHooks;
}

export interface ToolsRepository extends LaneRepository {
  tools: Tool[];
  /** Calls tool `name` with `input` through the pipeline and returns its result. */
  call(name: string, input: unknown, options?: CallOptions): Promise<ToolCallOutcome>;
}

/** A lane repository (notes.txt committed on main, a task store) and the tools over its manager. */
export async function createToolsRepository(): Promise<ToolsRepository> {
  const repo = await createLaneRepository();
  const tools = createWorktreeTools(repo.manager);
  const registry = createToolRegistry(tools);
  let calls = 0;
  const call = async (name: string, input: unknown, options: CallOptions = {}) => {
    const events: AgentEvent[] = [];
    const block = await runToolCall(
      { id: `toolu_${++calls}`, name, input },
      {
        registry,
        hooks: options.hooks ?? {},
        childHooks: {},
        context: {
          state: { messages: [] },
          workspace: repo.dir,
          signal: options.signal ?? new AbortController().signal,
          turn: 1,
          emit: (event) => events.push(event),
          ask: askWithoutTerminal,
        },
      },
    );
    const end = events.find((event) => event.type === "tool_end");
    return {
      text: typeof block.content === "string" ? block.content : JSON.stringify(block.content),
      isError: block.is_error === true,
      interrupted: end?.type === "tool_end" && end.interrupted,
      details: end?.type === "tool_end" ? end.details : undefined,
    };
  };
  return { ...repo, tools, call };
}
