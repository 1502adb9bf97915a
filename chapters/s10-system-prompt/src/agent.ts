// The s10 chapter: s09's agent with its system prompt as a pipeline of named sections — identity,
// tool guidance, skills, memory, instruction files (CLAUDE.md, AGENTS.md, @imports), environment —
// the stable prefix cached, per-turn facts sent as <system-reminder>s, /prompt to see it all.
import { homedir } from "node:os";
import { isAbsolute, relative } from "node:path";
import { extendSetup, type SetupContext } from "@lcc/s02";
import { lccHome } from "@lcc/s04";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createMemorySetup, type MemorySetup, type MemorySetupOptions } from "@lcc/s09";
import { type EnvironmentFacts, environmentFacts, environmentSection } from "./environment.ts";
import { readGitFacts, readGitStatus } from "./git-facts.ts";
import { type InstructionFile, loadInstructionFiles } from "./instruction-files.ts";
import { instructionSections } from "./instruction-sections.ts";
import { createPromptCommand } from "./prompt-command.ts";
import { renderReminderEvents } from "./reminder-events.ts";
import { arrangePromptSections } from "./section-order.ts";
import { createTurnReminders } from "./turn-reminders.ts";

export interface PromptSetupOptions extends MemorySetupOptions {
  /** The clock: the environment's date and the date-change reminder (tests inject one). Default: now. */
  now?: () => Date;
  /** How long the status read at start holds for the first prompt (turn-reminders.ts); default 1 s. */
  gitStatusFreshMs?: number;
}

export interface PromptSetup extends MemorySetup {
  /** What s10 read at session start: the instruction files in prompt order and the environment. */
  prompt: { instructionFiles: readonly InstructionFile[]; environment: EnvironmentFacts };
}

/**
 * s09's setup plus: the instruction files as sections (one per file, its path as source), the
 * environment section, every section in layer order with the cache breakpoint before the environment
 * (section-order.ts), per-turn reminders (date, git status) and `/prompt`. Everything is read once,
 * here, so the system prompt is byte-identical for the whole session; problems with instruction files
 * (a cycle, a missing import, an unreadable file) are notices, never fatal. `~` is `options.home`,
 * else `env.HOME`, else the OS's home.
 */
export async function createPromptSetup(
  context: SetupContext,
  options: PromptSetupOptions = {},
): Promise<PromptSetup> {
  const env = context.env ?? process.env;
  const home = options.home ?? env.HOME ?? homedir();
  const now = options.now ?? (() => new Date());
  // The agent's own state folder is no change of the user's: the status leaves it out.
  const stateFolder = relative(context.workspace, lccHome(context.workspace, env));
  const exclude = stateFolder && !isAbsolute(stateFolder) ? [stateFolder] : [];
  // git answers while s09 (and the chapters before it) set up.
  const reading = readGitFacts(context.workspace, { exclude });
  const base = await createMemorySetup(context, options);
  const git = await reading;
  const gitStatusReadAt = performance.now();
  const search = {
    workspace: context.workspace,
    home,
    ...(git.kind === "repository" ? { root: git.root } : {}),
  };
  const instructions = loadInstructionFiles(search);
  for (const text of instructions.problems)
    context.emit({ type: "notice", source: "prompt", level: "warn", text: `instruction files: ${text}` });
  const sections = instructionSections(instructions.files, search);
  if (sections.length > 0) {
    const names = sections.flatMap((section) => (section.source ? [section.source] : []));
    context.emit({ type: "notice", source: "prompt", text: `Instruction files: ${names.join(", ")}` });
  }
  const environment = environmentFacts({ workspace: context.workspace, now: now(), env, git });
  const reminders = createTurnReminders({
    now,
    sessionDate: environment.date,
    ...(git.kind === "repository" ? { gitStatus: { branch: git.branch, status: git.status } } : {}),
    gitStatusReadAt,
    ...(options.gitStatusFreshMs !== undefined ? { gitStatusFreshMs: options.gitStatusFreshMs } : {}),
    readGitStatus: (signal) => readGitStatus(context.workspace, { signal, exclude }),
    emit: context.emit,
  });
  const setup = extendSetup(base, {
    systemSections: [...sections, environmentSection(environment)],
    hooks: [reminders],
    commands: [createPromptCommand(context.client)],
    renderers: [renderReminderEvents],
  });
  return {
    ...setup,
    systemSections: arrangePromptSections(setup.systemSections),
    prompt: { instructionFiles: instructions.files, environment },
  };
}

export function createS10Chapter(options: PromptSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s10", title: "system prompt" }, (context) =>
    createPromptSetup(context, options),
  );
}
