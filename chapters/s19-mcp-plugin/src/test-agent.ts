// Test helpers for the s19 end-to-end tests: the real s19 session against a fresh fake API in a temp workspace
// and home, with real MCP servers (server-everything from the dev dependency, a server that fails, a slow one)
// configured in the workspace's .mcp.json, and a scripted user answering questions (or no terminal at all).
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { type AskAnswer, type AskRequest, type AskUser, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, startAgentTest } from "@lcc/testkit/vitest";
import { createMcpSetup, type McpSetupOptions } from "./agent.ts";
import { EVERYTHING_FOLDER } from "./reference-servers.ts";

export { everythingEntry } from "./reference-servers.ts";

/** An entry whose process writes to stderr and exits 3 before answering `initialize`. */
export function brokenEntry(): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: ["-e", "process.stderr.write('no database configured'); process.exit(3)"],
  };
}

/** server-everything that starts answering only after `delayMs` (its requests wait in the pipe). */
export function slowEntry(delayMs: number): { command: string; args: string[] } {
  const stdio = join(EVERYTHING_FOLDER, "dist", "transports", "stdio.js");
  return {
    command: process.execPath,
    args: ["-e", `setTimeout(() => import(process.argv[1]), ${delayMs})`, stdio],
  };
}

export interface TestMcpOptions {
  script: Script;
  /** The workspace's `.mcp.json` servers (`{ everything: everythingEntry() }`). */
  mcpServers?: Record<string, unknown>;
  /** The `permissions` / `hooks` sections of the workspace's .claude/settings.json. */
  permissions?: Record<string, unknown>;
  hooks?: Record<string, unknown>;
  files?: Record<string, string>;
  options?: McpSetupOptions;
  /** The user's answers, in order; absent: no terminal (every question unavailable). */
  answers?: AskAnswer[];
  /** The user, when answers in order are not enough (one that waits for Ctrl-C); wins over `answers`. */
  ask?: AskUser;
  /** The same user again (approvals remembered in its ~/.lcc). */
  home?: string;
  /** The same workspace again (a second session). */
  workspace?: string;
  /** Variables added to the session's environment (MCP_TOOL_TIMEOUT …). */
  env?: Record<string, string>;
}

/** Yes to a question, as the terminal reads "y". */
export const YES: AskAnswer = { kind: "choice", key: "y" };

/**
 * `start(options)`: an s19 session (every s01–s18 capability too) whose fake API, workspace, home and MCP
 * servers are gone after the test. `questions` are what the user was asked; `events` every event.
 * The MCP servers start with the session; `startupWaitMs` defaults to 10 s as in the chapter.
 */
export function testMcpSetup(addCleanup: AddCleanup) {
  return async (options: TestMcpOptions) => {
    const files: Record<string, string> = { ...options.files };
    if (options.mcpServers) files[".mcp.json"] = JSON.stringify({ mcpServers: options.mcpServers });
    if (options.permissions || options.hooks)
      files[".claude/settings.json"] = JSON.stringify({
        permissions: options.permissions,
        hooks: options.hooks,
      });
    const questions: AskRequest[] = [];
    const answer: AskUser =
      options.ask ??
      (async () =>
        options.answers?.shift() ?? { kind: "unavailable", reason: "the test has no more answers" });
    const user: AskUser | undefined =
      options.ask || options.answers
        ? (request, signal) => {
            questions.push(request);
            return answer(request, signal);
          }
        : undefined;
    const events: AgentEvent[] = [];
    const session = await startAgentTest(addCleanup, {
      script: options.script,
      files,
      model: DEFAULT_MODEL,
      homePrefix: "lcc-s19-home-",
      ...(options.home ? { home: options.home } : {}),
      ...(options.workspace ? { workspace: options.workspace } : {}),
      createAgent: async (context) => {
        const agent = await createSessionAgent(
          (setupContext) => createMcpSetup(setupContext, { permissions: {}, ...options.options }),
          {
            ...context,
            ...(options.env ? { env: { ...context.env, ...options.env } } : {}),
            ...(user ? { ask: user } : {}),
          },
        );
        agent.subscribe((event) => events.push(event));
        return agent;
      },
    });
    const hub = () => session.agent.setup.mcp;
    const toolsOf = (index: number) => (session.requests()[index]?.body.tools ?? []) as Anthropic.Tool[];
    return {
      ...session,
      questions,
      events,
      hub,
      /** The names of the tools of request `index` (0-based). */
      toolNames: (index: number) => toolsOf(index).map((tool) => tool.name),
      /** The tool `name` as request `index` listed it. */
      toolOf: (index: number, name: string) => toolsOf(index).find((tool) => tool.name === name),
      /** The tool results of request `index` (the last user message's tool_result blocks). */
      resultsOf: (index: number): Anthropic.ToolResultBlockParam[] => {
        const content = session.requests()[index]?.body.messages.at(-1)?.content;
        return Array.isArray(content)
          ? content.flatMap((block) =>
              block.type === "tool_result" ? [block as Anthropic.ToolResultBlockParam] : [],
            )
          : [];
      },
    };
  };
}
