// The s06 chapter: the s05 agent plus the four levers that keep a long session inside the context window.

import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Chapter, ChapterContext } from "@lcc/s01";
import { formatCount } from "@lcc/s01";
import {
  type AgentEvent,
  type AgentHooks,
  combineHooks,
  createBashTool,
  createReadFileTool,
  createSessionAgent,
  extendSetup,
  type SessionAgent,
  type SetupContext,
  type Tool,
} from "@lcc/s02";
import { renderPlan } from "@lcc/s03";
import { createSubagentPrinter, ensureLccHome, isAgentTool } from "@lcc/s04";
import { createSkillSetup, renderLoadedSkill, type SkillSetup } from "@lcc/s05";
import { type CompactOptions, resolveCompactOptions } from "./compact-options.ts";
import { createCompactTool, parseCompactCommand } from "./compact-tool.ts";
import { type CompactionManager, createCompactionManager, NOTHING_TO_COMPACT } from "./compaction-manager.ts";
import { createLargeOutputHook } from "./large-output.ts";
import { createCompactionPrinter } from "./print-compaction.ts";
import { withPromptCaching } from "./prompt-caching.ts";
import { createTouchedFiles } from "./touched-files.ts";

/** How much shell output s06's bash keeps in memory; lever 0 saves it to a file when it is long. */
export const FULL_OUTPUT_MAX_CHARS = 1_000_000;

export function contextSection(options: CompactOptions): string {
  return [
    "# Context",
    `Long sessions are compacted automatically near ${formatCount(options.autoCompactTokens)} tokens: the history is`,
    "replaced by a summary you write, followed by the user's own messages, recently touched files and loaded skills.",
    "Old tool results may show as a one-line placeholder: run the tool again if you need the content.",
    `A tool output over ${formatCount(options.largeOutputChars)} characters is saved to a file and you see a preview with the path.`,
    "Call compact (optionally with a focus) between sub-tasks of a long session.",
  ].join("\n");
}

/** s06's setup plus the compaction manager (the chapter's /compact command drives it directly). */
export interface CompactSetup extends SkillSetup {
  compaction: CompactionManager;
}

/**
 * s05's setup plus: bash keeping up to FULL_OUTPUT_MAX_CHARS of output, lever 0 (large outputs to
 * `<home>/tool-results`), levers 1–2 (micro and auto compaction in transformContext), lever 3 (the
 * compact tool; /compact is handled by the chapter agent) and, unless turned off, prompt-cache breakpoints.
 */
export function createCompactSetup(
  context: SetupContext,
  options: Partial<CompactOptions> = {},
): CompactSetup {
  const resolved = resolveCompactOptions(options);
  const base = createSkillSetup(context);
  const home = once(async () => {
    if (!resolved.home) return ensureLccHome(context.workspace, context.env ?? {});
    const path = resolve(context.workspace, resolved.home);
    await mkdir(path, { recursive: true });
    return path;
  });
  const folder = (name: string) => async () => {
    const path = join(await home(), name);
    await mkdir(path, { recursive: true });
    return path;
  };
  const touchedFiles = createTouchedFiles();
  const compaction = createCompactionManager({
    workspace: context.workspace,
    options: resolved,
    emit: context.emit,
    transcriptsDirectory: folder("transcripts"),
    touchedFiles,
    reinjectedContext: () => [
      ...base.skills.loaded().map(renderLoadedSkill),
      ...(base.plan.items().length > 0 ? [`<plan>\n${renderPlan(base.plan.items())}\n</plan>`] : []),
    ],
  });
  const largeOutput = createLargeOutputHook({
    workspace: context.workspace,
    directory: folder("tool-results"),
    thresholdChars: resolved.largeOutputChars,
    onError: (text) => context.emit({ type: "notice", source: "compact", level: "warn", text }),
  });
  // Subagents get the per-call levers too: their long outputs are saved and their requests cached.
  const childHooks = combineHooks(
    largeOutput,
    resolved.promptCaching ? { wrapCallModel: withPromptCaching } : {},
  );
  const tools = base.tools.map((tool) => replacedTool(tool, resolved, childHooks) ?? tool);
  const setup = extendSetup(
    { ...base, tools },
    {
      systemSections: [contextSection(resolved)],
      tools: [createCompactTool(compaction.schedule)],
      hooks: [
        touchedFiles.hooks,
        largeOutput,
        compaction.hooks,
        ...(resolved.promptCaching ? [{ wrapCallModel: withPromptCaching }] : []),
      ],
    },
  );
  return { ...setup, compaction };
}

/**
 * s06 re-creates three tools: `bash` keeps its whole output (lever 0 saves what is long), `read_file`
 * pages stay under the large-output threshold (a page must never be saved to a file that the model is
 * then told to read with read_file again), and s04's `agent` runs its children with `childHooks`.
 */
function replacedTool(tool: Tool, options: CompactOptions, childHooks: AgentHooks): Tool | undefined {
  if (isAgentTool(tool)) return tool.withChildHooks(childHooks);
  if (tool.name === "bash") return createFullOutputBashTool(options);
  if (tool.name === "read_file")
    return createReadFileTool({ maxOutputChars: options.largeOutputChars }) as Tool;
  return undefined;
}

function createFullOutputBashTool(options: CompactOptions): Tool {
  const bash = createBashTool({ maxOutputChars: FULL_OUTPUT_MAX_CHARS });
  const description = bash.description.replace(
    /Output over [\d,]+ characters keeps its head and tail[^.]*\./,
    `Output over ${formatCount(options.largeOutputChars)} characters is saved to a file; you get a preview and the path.`,
  );
  return { ...bash, description } as Tool;
}

/** The s06 agent: a session agent whose runTurn also understands `/compact [focus]`. */
export interface CompactAgent extends SessionAgent {
  compaction: CompactionManager;
}

export function createCompactAgent(
  context: ChapterContext,
  options: Partial<CompactOptions> = {},
): CompactAgent {
  const print = createCompactionPrinter(createSubagentPrinter(context.output, context.workspace));
  let compaction: CompactionManager | undefined;
  const agent = createSessionAgent(
    (setupContext) => {
      const setup = createCompactSetup(setupContext, options);
      compaction = setup.compaction;
      return setup;
    },
    context,
    { print },
  );
  const manager = compaction!;
  return {
    state: agent.state,
    compaction: manager,
    async runTurn(prompt, signal) {
      const command = parseCompactCommand(prompt);
      if (!command) return agent.runTurn(prompt, signal);
      const outcome = await manager.compact(agent.state.messages, { trigger: "manual", signal, ...command });
      if (outcome.ok) {
        agent.state.messages = outcome.messages;
        delete agent.state.lastUsage;
      } else if (outcome.reason === NOTHING_TO_COMPACT) {
        print({ type: "notice", source: "compact", text: outcome.reason } satisfies AgentEvent);
      }
    },
  };
}

/** The chapter with the given options (main.ts passes the ones read from the environment). */
export function createS06Chapter(options: Partial<CompactOptions> = {}): Chapter {
  return {
    id: "s06",
    title: "context compact",
    createAgent: (context) => createCompactAgent(context, options),
  };
}

export const s06Chapter: Chapter = createS06Chapter();

function once<Value>(compute: () => Promise<Value>): () => Promise<Value> {
  let promise: Promise<Value> | undefined;
  return () => {
    promise ??= compute().catch((error: unknown) => {
      promise = undefined;
      throw error;
    });
    return promise;
  };
}
