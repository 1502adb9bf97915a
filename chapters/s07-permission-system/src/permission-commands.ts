// `/permissions` (the rules in force with their source file, the mode, extra folders) and `/mode [mode]`.
import type { SlashCommand } from "@lcc/s02";
import type { PermissionManager } from "./permission-manager.ts";
import { isPermissionMode, PERMISSION_MODES } from "./permission-policy.ts";
import { formatRule } from "./permission-rule.ts";

/** `/permissions`: one line per rule (behavior, rule, where it came from), then the mode and the extra folders. */
export function createPermissionsCommand(permissions: PermissionManager): SlashCommand {
  return {
    name: "permissions",
    usage: "/permissions",
    summary: "list the permission rules with the file each comes from, and the mode",
    run(_args, { write }) {
      const rules = permissions.rules();
      const lines = rules.map(
        (entry) =>
          `  ${entry.behavior.padEnd(5)} ${formatRule(entry.rule)}  ← ${entry.path ?? `(${entry.scope})`}`,
      );
      const folders = permissions.additionalDirectories();
      write(
        `${[
          `mode: ${permissions.mode()}`,
          ...(rules.length > 0 ? lines : ["  no rules: every call that is not read-only asks"]),
          ...(folders.length > 0 ? [`additional directories: ${folders.join(", ")}`] : []),
          ...permissions.settings.problems.map((problem) => `⚠ ${problem}`),
        ].join("\n")}\n`,
      );
    },
  };
}

/** `/mode [mode]`: shows the mode, or switches to default, acceptEdits, plan or bypassPermissions. */
export function createModeCommand(permissions: PermissionManager): SlashCommand {
  return {
    name: "mode",
    usage: "/mode [mode]",
    summary: `show or set the permission mode (${PERMISSION_MODES.join(", ")})`,
    run(args, { write }) {
      if (!args) {
        write(`mode: ${permissions.mode()} (modes: ${PERMISSION_MODES.join(", ")})\n`);
        return;
      }
      if (!isPermissionMode(args)) {
        write(`unknown mode "${args}"; modes: ${PERMISSION_MODES.join(", ")}\n`);
        return;
      }
      permissions.setMode(args);
    },
  };
}
