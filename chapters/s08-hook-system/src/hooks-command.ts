// `/hooks`: the loaded hooks, by event, with matcher, command, timeout and the file each came from.
import type { SlashCommand } from "@lcc/s02";
import type { CommandHook } from "./hook-config.ts";

/** One line per hook ("  PreToolUse  Edit|Write  ./fmt.sh  (60 s, project: /w/.claude/settings.json)"). Pure. */
export function describeHooks(hooks: readonly CommandHook[]): string[] {
  if (hooks.length === 0) return ['No hooks loaded (add a "hooks" section to .claude/settings.json).'];
  return hooks.map(
    (hook) =>
      `  ${hook.event.padEnd(16)} ${(hook.matcher || "*").padEnd(14)} ${hook.command}  (${hook.timeoutSeconds} s, ${hook.source.scope}: ${hook.source.path})`,
  );
}

export function createHooksCommand(hooks: readonly CommandHook[], trustNote: () => string): SlashCommand {
  return {
    name: "hooks",
    usage: "/hooks",
    summary: "list the loaded hooks and where each comes from",
    run(_args, { write }) {
      write(`${[...describeHooks(hooks), trustNote()].filter(Boolean).join("\n")}\n`);
    },
  };
}
