// A setup context outside a session: for building a chapter's setup to inspect it (tests, scripts) without
// calling a model, the way createToolContext calls one tool outside the loop.
import { askWithoutTerminal, createModelClient, DEFAULT_MODEL } from "@lcc/chapter-kit";
import type { SetupContext } from "./agent-setup.ts";
import { createStreamingCallModel } from "./call-model.ts";
import { createMessageQueue } from "./message-queue.ts";

/**
 * A SetupContext on `workspace` whose model is unreachable (a request would fail at once, none is meant to be
 * made), with HOME = the workspace (the user's own ~/.claude, ~/.claude.json and ~/.lcc stay out), stdout as
 * output, events dropped, a fresh queue and no terminal to ask; `overrides` replace any of these.
 */
export function createSetupContext(workspace: string, overrides: Partial<SetupContext> = {}): SetupContext {
  const config = { apiKey: "k", baseURL: "http://127.0.0.1:9", model: DEFAULT_MODEL, maxTokens: 1024 };
  const client = createModelClient(config, { maxRetries: 0 });
  return {
    client,
    config,
    workspace,
    output: process.stdout,
    env: { HOME: workspace },
    callModel: createStreamingCallModel(client),
    emit: () => {},
    queue: createMessageQueue(),
    ask: askWithoutTerminal,
    ...overrides,
  };
}
