// The s13 chapter (background tasks) on s12's setup: a manager of background commands kept for the
// whole session, three tools, bash's handoff of servers and overlong commands, /bg and the renderer.
import { extendSetup, type SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createTaskSetup, type TaskSetup, type TaskSetupOptions } from "@lcc/s12";
import { createBackgroundCheckTool } from "./background-check-tool.ts";
import { createBackgroundHandoff } from "./background-handoff.ts";
import { createBackgroundKillTool } from "./background-kill-tool.ts";
import { type BackgroundManager, createBackgroundManager } from "./background-manager.ts";
import { renderBackgroundEvents } from "./background-renderer.ts";
import { createBackgroundRunTool } from "./background-run-tool.ts";
import { createBgCommand } from "./bg-command.ts";

export interface BackgroundSetupOptions extends TaskSetupOptions {
  background?: {
    /** How long a foreground bash runs before a server line moves it to the background (default 3000 ms). */
    serverAfterMs?: number;
    /** SIGTERM → SIGKILL grace of a kill (default 2000 ms). */
    killGraceMs?: number;
    /** Bound of each log on disk (default 1 MiB, rotated keeping the newest half). */
    logMaxBytes?: number;
  };
}

export interface BackgroundSetup extends TaskSetup {
  /** The session's background commands (`list()`, `running()` for lcc's prompt line, `/bg`). */
  background: BackgroundManager;
}

export const backgroundSection = [
  "Background commands (servers, watchers, long builds): background_run, then keep working; when one ends a",
  "<background-results> message comes with your next request, so do not poll. A bash command still running",
  "at its timeout, or a server, is moved to the background too.",
].join("\n");

/**
 * s12's setup plus background commands. The manager is kept in the session scope (one per session,
 * surviving /clear) and closed with it: every running group is killed. Background tools are the
 * parent's (parentOnly); a subagent's bash may still move a server to the background, and its result
 * is then queued for the parent, whose queue it is.
 */
export async function createBackgroundSetup(
  context: SetupContext,
  options: BackgroundSetupOptions = {},
): Promise<BackgroundSetup> {
  const make = () =>
    createBackgroundManager({
      workspace: context.workspace,
      ...(context.env ? { env: context.env } : {}),
      queue: context.queue,
      emit: context.emit,
      ...(options.background?.killGraceMs === undefined
        ? {}
        : { killGraceMs: options.background.killGraceMs }),
      ...(options.background?.logMaxBytes === undefined
        ? {}
        : { logMaxBytes: options.background.logMaxBytes }),
    });
  const background = context.session
    ? context.session.keep("s13:background", () => {
        const manager = make();
        context.session?.onClose(() => manager.close());
        return manager;
      })
    : make();
  const serverAfterMs = options.background?.serverAfterMs;
  const backgroundHandoff = createBackgroundHandoff(
    background,
    serverAfterMs === undefined ? {} : { serverAfterMs },
  );
  const setup = await createTaskSetup({ ...context, backgroundHandoff }, options);
  return {
    ...extendSetup(setup, {
      systemSections: [{ name: "background", text: backgroundSection }],
      tools: [
        createBackgroundRunTool(background),
        createBackgroundCheckTool(background),
        createBackgroundKillTool(background),
      ],
      commands: [createBgCommand(background)],
      renderers: [renderBackgroundEvents],
    }),
    background,
  };
}

export function createS13Chapter(options: BackgroundSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s13", title: "background tasks" }, (context) =>
    createBackgroundSetup(context, options),
  );
}
