// How chapters stack: each chapter takes the previous chapter's setup and adds prompt sections, tools,
// hooks, commands and renderers. Everything a chapter contributes is data here; nothing is replaced later.

import type Anthropic from "@anthropic-ai/sdk";
import type { AskUser, ChapterContext } from "@lcc/chapter-kit";
import type { ShellHandoff } from "@lcc/s01";
import type { CallModel, SystemPrompt } from "./call-model.ts";
import type { SlashCommand } from "./commands.ts";
import type { DispatchToolCalls } from "./dispatch.ts";
import type { EmitEvent } from "./events.ts";
import { type AgentHooks, combineHooks } from "./hooks.ts";
import type { MessageQueue } from "./message-queue.ts";
import { createToolRegistry, type LateTools, type ToolRegistry } from "./registry.ts";
import type { SessionScope } from "./session-scope.ts";
import type { EventRenderer } from "./terminal-printer.ts";
import type { Tool } from "./tool.ts";

/** What a chapter's setup builder receives. */
export interface SetupContext extends ChapterContext {
  callModel: CallModel;
  emit: EmitEvent;
  /** The session's message queue (s13 background results, s14 cron prompts, s15 inbox messages). */
  queue: MessageQueue;
  ask: AskUser;
  /**
   * Tool limits a later chapter sets for earlier chapters' tools. s06 saves outputs longer than
   * `savedOverChars` to a file, so bash keeps up to `keepChars` and read_file pages stay under the threshold.
   */
  largeOutputs?: { savedOverChars: number; keepChars: number };
  /**
   * s13: a foreground bash command still running at its timeout, or looking like a server, is given to
   * this (moved to the background) instead of killed. Absent: bash kills at the timeout, as in s02.
   */
  backgroundHandoff?: ShellHandoff;
  /** How this conversation began: a new session, /clear, or a history read back (lcc's /resume). */
  conversation?: ConversationStart;
  /**
   * What outlives this setup: values kept across rebuilt setups and work done when the session closes
   * (s13's running commands, s14's scheduler). Absent when a setup is built outside a session.
   */
  session?: SessionScope;
}

export type ConversationStart = "startup" | "clear" | "resume";

/**
 * One part of the system prompt, named after what it is for (`identity`, `planning`, `skills` …), so
 * s10's `/prompt` can list the prompt section by section with where each one came from.
 */
export interface SystemSection {
  name: string;
  text: string;
  /** Where the text came from: a file path (s10's instruction files); default "built-in". */
  source?: string;
  /**
   * s10: the stable prefix ends after this section. The prompt is then sent as two blocks, the first
   * carrying a cache breakpoint, so sessions share the cached prefix even when the rest differs.
   */
  cacheBreakpoint?: boolean;
}

/** Everything that defines an agent besides its history. */
export interface AgentSetup {
  systemSections: SystemSection[];
  tools: Tool[];
  /**
   * Tools known only once something asynchronous finished (s19: the MCP servers' catalogues). Each is
   * called once, when the loop first needs the tool list, and awaited before the first model call, so the
   * request's tool list is complete and never changes afterwards; building the setup (and drawing the
   * prompt) is not delayed. A rejection ends that run with an error: resolve with what is available.
   */
  lateTools?: LateTools[];
  /** The seams (hooks.ts), in the order they run within each phase. */
  hooks: AgentHooks[];
  /**
   * Per-call hooks subagents run with too (prompt caching, saving long outputs, later permissions and
   * PreToolUse hooks). Never a transformContext: that belongs to the parent's conversation.
   */
  childHooks: AgentHooks[];
  /** Slash commands the REPL offers (`/compact` from s06, `/skills` from s05 …). */
  commands: SlashCommand[];
  /** How the events a chapter added are shown (chapter printers and lcc use the same renderers). */
  renderers: EventRenderer[];
  /** How a round's tool calls run; the last chapter that sets it wins (sequential by default). */
  dispatch?: DispatchToolCalls;
  /** The context window the session works with (/context; s06 sets it with its compaction threshold). */
  contextWindow?: { tokens: number; autoCompactTokens?: number };
  /** Lines /help prints after the commands (lcc names the commands later chapters bring). */
  helpNotes?: string[];
  /**
   * Called by the session core before this conversation is replaced (/clear, a resume); s08 runs its
   * SessionEnd hooks here. May throw or reject: the core reports it and goes on.
   */
  onConversationEnd?: (reason: "clear" | "resume") => Promise<void>;
}

/** An empty setup to build on (s02's own starts from it). */
export function emptySetup(): AgentSetup {
  return { systemSections: [], tools: [], hooks: [], childHooks: [], commands: [], renderers: [] };
}

/**
 * Adds a chapter's pieces to an earlier chapter's setup: lists append (hooks run after earlier ones; late tools too),
 * `dispatch` and `contextWindow` replace, `helpNotes` append. Extra fields an earlier chapter exposed (its plan, its skill
 * library) are kept. A command whose name is already taken is refused (throws).
 */
export function extendSetup<Base extends AgentSetup>(base: Base, addition: Partial<AgentSetup>): Base {
  const commands = [...base.commands, ...(addition.commands ?? [])];
  const names = new Set<string>();
  for (const command of commands) {
    if (names.has(command.name)) throw new Error(`Duplicate slash command: /${command.name}`);
    names.add(command.name);
  }
  return {
    ...base,
    ...(addition.dispatch ? { dispatch: addition.dispatch } : {}),
    ...(addition.contextWindow ? { contextWindow: addition.contextWindow } : {}),
    ...(addition.helpNotes ? { helpNotes: [...(base.helpNotes ?? []), ...addition.helpNotes] } : {}),
    systemSections: [...base.systemSections, ...(addition.systemSections ?? [])],
    tools: [...base.tools, ...(addition.tools ?? [])],
    ...(base.lateTools || addition.lateTools
      ? { lateTools: [...(base.lateTools ?? []), ...(addition.lateTools ?? [])] }
      : {}),
    hooks: [...base.hooks, ...(addition.hooks ?? [])],
    childHooks: [...base.childHooks, ...(addition.childHooks ?? [])],
    commands,
    renderers: [...base.renderers, ...(addition.renderers ?? [])],
  };
}

/** A setup ready for the loop: one system prompt, a registry, combined hooks. */
export interface ResolvedSetup {
  system: SystemPrompt;
  /** The sections the system prompt was assembled from, in order (s10's /prompt). */
  sections: readonly SystemSection[];
  registry: ToolRegistry;
  hooks: AgentHooks;
  childHooks: AgentHooks;
  commands: readonly SlashCommand[];
  renderers: readonly EventRenderer[];
  dispatch?: DispatchToolCalls;
}

/** Joins the sections with a blank line, builds the registry (throws on a duplicate name), combines the hooks. */
export function resolveSetup(setup: AgentSetup): ResolvedSetup {
  return {
    system: assembleSystemPrompt(setup.systemSections),
    sections: setup.systemSections,
    registry: createToolRegistry(
      setup.tools,
      setup.lateTools?.length
        ? (signal) =>
            Promise.all(setup.lateTools?.map((late) => late(signal)) ?? []).then((lists) => lists.flat())
        : undefined,
    ),
    hooks: combineHooks(...setup.hooks),
    childHooks: combineHooks(...setup.childHooks),
    commands: setup.commands,
    renderers: setup.renderers,
    ...(setup.dispatch ? { dispatch: setup.dispatch } : {}),
  };
}

/**
 * The sections' texts joined with a blank line: one string, or — when a section asks for a cache
 * breakpoint — two text blocks split after the last such section, the first marked for caching.
 */
export function assembleSystemPrompt(sections: readonly SystemSection[]): SystemPrompt {
  const split = sections.findLastIndex((section) => section.cacheBreakpoint) + 1;
  const join = (part: readonly SystemSection[]) => part.map((section) => section.text).join("\n\n");
  if (split === 0) return join(sections);
  const stable: Anthropic.TextBlockParam = {
    type: "text",
    text: join(sections.slice(0, split)),
    cache_control: { type: "ephemeral" },
  };
  const rest = sections.slice(split);
  return rest.length === 0 ? [stable] : [stable, { type: "text", text: join(rest) }];
}

/** The system prompt as one text (its blocks joined as the model reads them). */
export function systemPromptText(system: SystemPrompt): string {
  return typeof system === "string" ? system : system.map((block) => block.text).join("\n\n");
}
