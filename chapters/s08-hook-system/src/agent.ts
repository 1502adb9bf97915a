// The s08 chapter: the earlier agent plus Claude Code-compatible command hooks from the settings files,
// mapped onto the harness's seams (tool pipeline, transformContext, afterTurn, childHooks).
import { randomUUID } from "node:crypto";
import { homedir } from "node:os";
import type { Chapter } from "@lcc/chapter-kit";
import { createSessionAgent, type EmitEvent, extendSetup, type SetupContext } from "@lcc/s02";
import { type BaseOptions, type BaseSetup, createBaseSetup } from "./base-setup.ts";
import type { SettingsFile } from "./hook-config.ts";
import { type CommandHook, parseHooks } from "./hook-config.ts";
import { renderHookEvents } from "./hook-renderer.ts";
import { createHookRunner, type HookRunner } from "./hook-runner.ts";
import { createHookTranscript } from "./hook-transcript.ts";
import { createHooksCommand, describeHooks } from "./hooks-command.ts";
import { createNotifyingAsk } from "./notification-hooks.ts";
import { createPromptHooks } from "./prompt-hooks.ts";
import { createStopHooks } from "./stop-hooks.ts";
import { createToolHooks } from "./tool-hooks.ts";
import { createTurnStops } from "./turn-stops.ts";
import { createTrustGate } from "./workspace-trust.ts";
import "@lcc/s06";

export interface HookSetupOptions extends BaseOptions {
  /** Settings that come from the program, not a file (lcc's demo hook); read after the files, trusted like user settings. */
  extraSettings?: readonly SettingsFile[];
  /** false: never run hooks from the workspace's own settings (`--no-project-hooks`). Default true. */
  projectHooks?: boolean;
  /**
   * The user's home: ~/.claude/settings.json (default `env.HOME`; none: no user file, as in s07) and
   * ~/.lcc/trusted.json (default `env.HOME`, else the OS's home).
   */
  home?: string;
}

export interface HookSetup extends BaseSetup {
  hookRunner: HookRunner;
  /** Runs the SessionEnd hooks (best effort, at most 10 s); the chapter calls it when its REPL ends. */
  endSession(reason: string): Promise<void>;
}

/** Seconds SessionEnd hooks get when the process is on its way out. */
const SESSION_END_MAX_MS = 10_000;

/**
 * The base setup plus: PreToolUse/PostToolUse on the tool pipeline (parent and subagents),
 * SessionStart/UserPromptSubmit before a turn's first model call, Stop/SubagentStop after the model
 * stops, PreCompact when a compaction starts (it cannot veto one), SessionEnd through endSession.
 * Project hooks wait for the workspace to be trusted. Loaded hooks are listed once as a notice.
 */
export async function createHookSetup(
  context: SetupContext,
  options: HookSetupOptions = {},
): Promise<HookSetup> {
  const settingsHome = options.home ?? context.env?.HOME;
  const home = settingsHome ?? homedir();
  let runner: HookRunner | undefined;
  // s06 reports a compaction as an event, not a seam: PreCompact hooks run beside it, never veto it.
  const emit: EmitEvent = (event) => {
    context.emit(event);
    if (event.type !== "compaction_start" || event.kind !== "full" || !runner) return;
    const trigger = event.trigger === "manual" ? "manual" : "auto";
    const signal = AbortSignal.timeout(SESSION_END_MAX_MS * 6);
    void runner.fire("PreCompact", { input: { trigger, custom_instructions: "" }, target: trigger, signal });
  };
  const { base, settings } = await createBaseSetup({ ...context, emit }, settingsHome, options);
  const hooks: CommandHook[] = [];
  for (const file of [...settings, ...(options.extraSettings ?? [])]) {
    const parsed = parseHooks(file);
    hooks.push(...parsed.hooks);
    for (const text of parsed.problems)
      context.emit({ type: "notice", source: "hooks", level: "warn", text });
  }
  const projectCommands = hooks.filter((hook) => hook.source.scope !== "user").map((hook) => hook.command);
  const isTrusted = createTrustGate({
    workspace: context.workspace,
    home,
    ask: context.ask,
    emit: context.emit,
    commands: projectCommands,
    ...(options.projectHooks === undefined ? {} : { projectHooks: options.projectHooks }),
  });
  const sessionId = randomUUID();
  const hookRunner = createHookRunner({
    hooks,
    workspace: context.workspace,
    sessionId,
    writeTranscript: createHookTranscript(context.workspace, context.env ?? {}, sessionId),
    emit: context.emit,
    isTrusted,
    ...(context.env ? { env: context.env } : {}),
  });
  runner = hookRunner;
  const trustNote = () =>
    projectCommands.length === 0
      ? ""
      : options.projectHooks === false
        ? "Project hooks are off (projectHooks: false)."
        : "Project hooks run once you trust this workspace (asked at the first one; remembered in ~/.lcc/trusted.json).";
  if (hooks.length > 0) {
    const text = [
      `${hooks.length} hook${hooks.length === 1 ? "" : "s"} loaded (/hooks lists them):`,
      ...describeHooks(hooks),
      trustNote(),
    ];
    context.emit({ type: "notice", source: "hooks", text: text.filter(Boolean).join("\n") });
  }
  const stops = createTurnStops();
  const prompt = createPromptHooks(hookRunner, context.conversation ?? "startup");
  const setup = extendSetup(base, {
    hooks: [
      prompt.hooks,
      createToolHooks({ runner: hookRunner, stops, queue: context.queue }),
      createStopHooks({ runner: hookRunner, stops, event: "Stop", endBefore: prompt.takeBlocked }),
    ],
    childHooks: [
      createToolHooks({ runner: hookRunner, stops }),
      createStopHooks({ runner: hookRunner, stops, event: "SubagentStop" }),
    ],
    commands: [createHooksCommand(hooks, trustNote)],
    renderers: [renderHookEvents],
  });
  const endSession = async (reason: string) => {
    const signal = AbortSignal.timeout(SESSION_END_MAX_MS);
    await hookRunner.fire("SessionEnd", { input: { reason }, target: reason, signal });
  };
  // /clear (and lcc's /resume) end this conversation: SessionEnd with that reason, as Claude Code does.
  return { ...setup, hookRunner, endSession, onConversationEnd: endSession };
}

/**
 * The s08 chapter, plus `end()` for main.ts: SessionEnd hooks of the sessions it started. Its sessions
 * also run Notification hooks before each question to the user.
 */
export interface S08Chapter extends Chapter {
  end(reason: string): Promise<void>;
}

export function createS08Chapter(options: HookSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s08", title: "hook system" }, (context) =>
    createHookSetup(context, options),
  );
}

/**
 * A chapter whose sessions run a hook setup (s08's, or a later chapter's built on it): Notification
 * hooks before each question to the user, and `end()` running SessionEnd for every session it started.
 */
export function createHookedChapter(
  meta: { id: string; title: string },
  buildSetup: (context: SetupContext) => Promise<HookSetup>,
): S08Chapter {
  const sessions: Array<{ setup: HookSetup }> = [];
  return {
    ...meta,
    async createAgent(context) {
      // The session's ask reaches the tool pipeline directly, so Notification hooks wrap it here.
      let runner: HookRunner | undefined;
      const ask = context.ask ? { ask: createNotifyingAsk(context.ask, () => runner) } : {};
      const build = async (setup: SetupContext) => {
        const built = await buildSetup(setup);
        runner = built.hookRunner;
        return built;
      };
      const agent = await createSessionAgent(build, { ...context, ...ask });
      sessions.push(agent);
      return agent;
    },
    async end(reason) {
      await Promise.all(sessions.map((session) => session.setup.endSession(reason)));
    },
  };
}

export const s08Chapter: Chapter = createS08Chapter();
