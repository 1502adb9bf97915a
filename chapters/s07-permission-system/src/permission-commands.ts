// `/permissions` (the rules in force with their source file, the mode, extra folders; add and remove rules in
// `.lcc/settings.local.json`) and `/mode [mode]`.
import type { SlashCommand } from "@lcc/s02";
import type { PermissionManager } from "./permission-manager.ts";
import { isPermissionMode, PERMISSION_MODES } from "./permission-policy.ts";
import {
  describeSource,
  formatRule,
  parseRule,
  type RuleBehavior,
  type RuleWithSource,
} from "./permission-rule.ts";
import { addRulesToSettingsFile, removeRulesFromSettingsFile } from "./persist-rule.ts";

const EDIT_VERBS = ["allow", "ask", "deny"] as const satisfies readonly RuleBehavior[];
const RULE_SHAPE = "write Tool or Tool(content), e.g. Bash(npm test:*), Edit(src/**), Read(./.env), WebFetch";
const USAGE = "/permissions [allow|ask|deny|remove <rule>]";

/**
 * `/permissions`: one line per rule (behavior, rule, where it came from), then the mode and the extra folders.
 * `/permissions allow|ask|deny <rule>` saves the rule to the manager's local settings file and puts it in force
 * at once; `/permissions remove <rule>` takes it out of that file and of the session (a rule from another file
 * or a flag is left alone, with where to change it). Never throws: every failure is a message.
 */
export function createPermissionsCommand(permissions: PermissionManager): SlashCommand {
  return {
    name: "permissions",
    usage: "/permissions [verb rule]",
    summary: "list the rules and their files; allow|ask|deny|remove <rule> changes them",
    async run(args, { write }) {
      const verb = args.split(/\s+/, 1)[0] ?? "";
      const text = args.slice(verb.length).trim();
      if (!verb) write(listRules(permissions));
      else if (isEditVerb(verb)) write(await addRule(permissions, verb, text));
      else if (verb === "remove") write(await removeRule(permissions, text));
      else write(`unknown /permissions action "${verb}"; usage: ${USAGE}\n`);
    },
  };
}

function listRules(permissions: PermissionManager): string {
  const rules = permissions.rules();
  const lines = rules.map(
    (entry) =>
      `  ${entry.behavior.padEnd(5)} ${formatRule(entry.rule)}  ← ${entry.path ?? `(${entry.scope})`}`,
  );
  const folders = permissions.additionalDirectories();
  return `${[
    `mode: ${permissions.mode()}`,
    ...(rules.length > 0 ? lines : ["  no rules: every call that is not read-only asks"]),
    ...(folders.length > 0 ? [`additional directories: ${folders.join(", ")}`] : []),
    ...permissions.settings.problems.map((problem) => `⚠ ${problem}`),
    `add or remove: ${USAGE} (saved in ${permissions.localSettingsPath})`,
  ].join("\n")}\n`;
}

function isEditVerb(verb: string): verb is (typeof EDIT_VERBS)[number] {
  return (EDIT_VERBS as readonly string[]).includes(verb);
}

/** The rule in its canonical spelling, or undefined when the text is not a rule. */
function canonicalRule(text: string): string | undefined {
  const rule = parseRule(text);
  return rule ? formatRule(rule) : undefined;
}

async function addRule(
  permissions: PermissionManager,
  behavior: RuleBehavior,
  text: string,
): Promise<string> {
  const rule = parseRule(text);
  if (!rule) return `"${text}" is not a rule: ${RULE_SHAPE}\n`;
  const formatted = formatRule(rule);
  const path = permissions.localSettingsPath;
  const others = permissions
    .rules()
    .filter((entry) => formatRule(entry.rule) === formatted && entry.behavior !== behavior)
    .map((entry) => `note: ${describeSource(entry)} is also in force; deny wins over ask, ask over allow\n`);
  try {
    await addRulesToSettingsFile(path, behavior, [formatted]);
  } catch (error) {
    permissions.addRule({ rule, behavior, scope: "session" });
    const reason = error instanceof Error ? error.message : String(error);
    return `⚠ ${reason}; ${behavior} ${formatted} holds for this session only\n${others.join("")}`;
  }
  const inForce = permissions
    .rules()
    .some(
      (entry) => entry.path === path && entry.behavior === behavior && formatRule(entry.rule) === formatted,
    );
  if (!inForce) permissions.addRule({ rule, behavior, scope: "lcc-local", path });
  return `${behavior} ${formatted}: saved to ${path} and in force now\n${others.join("")}`;
}

async function removeRule(permissions: PermissionManager, text: string): Promise<string> {
  const formatted = canonicalRule(text);
  if (!formatted) return `"${text}" is not a rule: ${RULE_SHAPE}\n`;
  const path = permissions.localSettingsPath;
  const same = (entry: RuleWithSource) => formatRule(entry.rule) === formatted;
  let fromFile: RuleBehavior[];
  try {
    fromFile = await removeRulesFromSettingsFile(
      path,
      (rule) => (canonicalRule(rule) ?? rule.trim()) === formatted,
    );
  } catch (error) {
    return `⚠ ${error instanceof Error ? error.message : String(error)}; nothing was removed\n`;
  }
  const removed = permissions.removeRules(
    (entry) => same(entry) && (entry.path === path || entry.scope === "session"),
  );
  const lines = [
    ...(fromFile.length > 0 ? [`removed ${formatted} (${fromFile.join(", ")}) from ${path}`] : []),
    ...(removed.some((entry) => entry.scope === "session")
      ? [`removed ${formatted} granted for this session`]
      : []),
    ...permissions
      .rules()
      .filter(same)
      .map((entry) =>
        entry.path
          ? `${formatted} (${entry.behavior}) stays: it is in ${entry.path}; edit that file to remove it`
          : `${formatted} (${entry.behavior}) stays: it comes from --${entry.behavior === "deny" ? "disallowedTools" : "allowedTools"}; start without it`,
      ),
  ];
  return `${(lines.length > 0 ? lines : [`no rule ${formatted} in ${path}`]).join("\n")}\n`;
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
