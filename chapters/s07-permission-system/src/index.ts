// Public surface of s07: the permission setup (s08 builds on it), the pure policy and its parts, the chapter.
import "./permission-events.ts";

export {
  createPermissionSetup,
  createS07Chapter,
  type PermissionOptions,
  type PermissionSetup,
  permissionModeFromArgv,
  permissionSection,
  s07Chapter,
} from "./agent.ts";
export { type CommandSegment, type ParsedCommand, parseBashCommand, segmentText } from "./bash-command.ts";
export { matchesBashContent, suggestBashRule } from "./bash-rules.ts";
export {
  anchorPattern,
  folderPatternFor,
  isWithin,
  matchesPathPattern,
  type PathAnchors,
} from "./path-rules.ts";
export { createModeCommand, createPermissionsCommand } from "./permission-commands.ts";
export {
  createPermissionManager,
  DENIALS_BEFORE_STOP,
  type PermissionManager,
  type PermissionManagerOptions,
} from "./permission-manager.ts";
export {
  decidePermission,
  isPermissionMode,
  PERMISSION_MODES,
  type PermissionMode,
  type PolicyInput,
  type PolicyVerdict,
} from "./permission-policy.ts";
export {
  askPermission,
  buildPermissionRequest,
  type PermissionAnswer,
  unavailableMessage,
} from "./permission-prompt.ts";
export { renderPermissionEvents } from "./permission-renderer.ts";
export {
  describeSource,
  formatRule,
  type PermissionRule,
  parseRule,
  type RuleBehavior,
  type RuleScope,
  type RuleWithSource,
} from "./permission-rule.ts";
export { addRulesToSettingsFile } from "./persist-rule.ts";
export { isReadOnlySegment } from "./read-only-commands.ts";
export { resolveCallPaths, resolveReal } from "./resolve-paths.ts";
export { createS07Scenario } from "./scenario.ts";
export {
  type LoadedSettings,
  loadSettings,
  type PermissionSettings,
  parseSettingsJson,
  permissionSettings,
  type SettingsFile,
  type SettingsScope,
  settingsPaths,
} from "./settings.ts";
export {
  FILE_EDIT_TOOLS,
  FILE_READ_TOOLS,
  HARMLESS_TOOLS,
  matchesToolName,
  PATH_FIELDS,
  TOOL_ALIASES,
  toolsNamedBy,
} from "./tool-aliases.ts";
