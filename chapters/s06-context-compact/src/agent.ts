// The s06 chapter: the s05 agent plus the four levers that keep a long session inside the context window.

import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Chapter, formatCount } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup, type SetupContext, type SlashCommand } from "@lcc/s02";
import { renderPlan } from "@lcc/s03";
import { ensureLccHome } from "@lcc/s04";
import { createSkillSetup, renderLoadedSkill, type SkillSetup } from "@lcc/s05";
import { type CompactOptions, resolveCompactOptions } from "./compact-options.ts";
import { createCompactTool } from "./compact-tool.ts";
import { type CompactionManager, createCompactionManager, NOTHING_TO_COMPACT } from "./compaction-manager.ts";
import { renderCompactionEvents } from "./compaction-renderer.ts";
import { createLargeOutputHook } from "./large-output.ts";
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
 * s05's setup plus: lever 0 (outputs over the threshold saved to `<home>/tool-results`; earlier tools
 * are configured for it through `largeOutputs`), levers 1–2 (micro and auto compaction in
 * transformContext), lever 3 (the compact tool and /compact) and, unless turned off, prompt-cache
 * breakpoints. Subagents get the per-call levers too: their long outputs are saved, their requests cached.
 */
export function createCompactSetup(
  context: SetupContext,
  options: Partial<CompactOptions> = {},
): CompactSetup {
  const resolved = resolveCompactOptions(options);
  const base = createSkillSetup({
    ...context,
    largeOutputs: { savedOverChars: resolved.largeOutputChars, keepChars: FULL_OUTPUT_MAX_CHARS },
  });
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
  const caching = resolved.promptCaching ? [{ wrapCallModel: withPromptCaching }] : [];
  const setup = extendSetup(base, {
    systemSections: [{ name: "context", text: contextSection(resolved) }],
    tools: [createCompactTool(compaction.schedule)],
    hooks: [touchedFiles.hooks, largeOutput, compaction.hooks, ...caching],
    childHooks: [largeOutput, ...caching],
    commands: [createCompactCommand(compaction)],
    renderers: [renderCompactionEvents],
    contextWindow: { tokens: resolved.contextWindow, autoCompactTokens: resolved.autoCompactTokens },
  });
  return { ...setup, compaction };
}

/**
 * `/compact [focus]`: compacts now. The compaction's own events report the outcome (one line, in the
 * chapter printer and in lcc); only "nothing to compact yet" is said here, since no compaction started.
 */
export function createCompactCommand(compaction: CompactionManager): SlashCommand {
  return {
    name: "compact",
    usage: "/compact [focus]",
    summary: "summarise the conversation now to free context (optional focus)",
    async run(args, { session, write, signal }) {
      const outcome = await compaction.compact(session.state.messages, {
        trigger: "manual",
        signal,
        ...(args ? { focus: args } : {}),
      });
      if (outcome.ok) {
        session.state.messages = outcome.messages;
        delete session.state.lastUsage;
      } else if (outcome.reason === NOTHING_TO_COMPACT) write(`${outcome.reason}\n`);
    },
  };
}

/** The chapter with the given options (main.ts passes the ones read from the environment). */
export function createS06Chapter(options: Partial<CompactOptions> = {}): Chapter {
  return {
    id: "s06",
    title: "context compact",
    createAgent: (context) => createSessionAgent((setup) => createCompactSetup(setup, options), context),
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
