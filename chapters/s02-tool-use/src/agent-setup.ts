// How chapters stack: each chapter takes the previous chapter's setup and adds prompt, tools and hooks.
import type { ChapterContext } from "@lcc/s01";
import type { CallModel } from "./call-model.ts";
import type { EmitEvent } from "./events.ts";
import { type AgentHooks, combineHooks } from "./hooks.ts";
import { createToolRegistry, type ToolRegistry } from "./registry.ts";
import type { Tool } from "./tool.ts";

/** What a chapter's setup builder receives. */
export interface SetupContext extends ChapterContext {
  callModel: CallModel;
  emit: EmitEvent;
}

/** Everything that defines an agent besides its history: prompt sections, tools, hooks. */
export interface AgentSetup {
  systemSections: string[];
  tools: Tool[];
  hooks: AgentHooks[];
}

/**
 * Adds a chapter's pieces to an earlier chapter's setup (tools append, hooks run after earlier ones).
 * Extra fields an earlier chapter exposed (its plan, its skill library) are kept.
 */
export function extendSetup<Base extends AgentSetup>(base: Base, addition: Partial<AgentSetup>): Base {
  return {
    ...base,
    systemSections: [...base.systemSections, ...(addition.systemSections ?? [])],
    tools: [...base.tools, ...(addition.tools ?? [])],
    hooks: [...base.hooks, ...(addition.hooks ?? [])],
  };
}

/** A setup ready for the loop: one system prompt, a registry, one combined hooks object. */
export interface ResolvedSetup {
  system: string;
  registry: ToolRegistry;
  hooks: AgentHooks;
}

/** Joins the sections with a blank line, builds the registry (throws on a duplicate name), combines the hooks. */
export function resolveSetup(setup: AgentSetup): ResolvedSetup {
  return {
    system: setup.systemSections.join("\n\n"),
    registry: createToolRegistry(setup.tools),
    hooks: combineHooks(...setup.hooks),
  };
}
