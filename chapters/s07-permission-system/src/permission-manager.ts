// The small stateful part around the pure policy: the mode, the rules (settings, this session's grants),
// resolving paths, asking the user, saving "always" grants and counting denials in a row.
import { relative } from "node:path";
import { summarizeInput } from "@lcc/chapter-kit";
import type { AgentHooks, EmitEvent, HookContext, ToolCall, ToolCallDecision, ToolTraits } from "@lcc/s02";
import { isWithin } from "./path-rules.ts";
import { decidePermission, type PermissionMode, type PolicyVerdict } from "./permission-policy.ts";
import { askPermission } from "./permission-prompt.ts";
import { formatRule, type RuleWithSource } from "./permission-rule.ts";
import { addRulesToSettingsFile } from "./persist-rule.ts";
import { existingFolderOf, resolveCallPaths, resolveReal } from "./resolve-paths.ts";
import type { LoadedSettings } from "./settings.ts";

/** Denials in a row after which the model is told to stop and ask the user. */
export const DENIALS_BEFORE_STOP = 3;

export interface PermissionManager {
  mode(): PermissionMode;
  /** Changes the mode for the rest of the session (emits permission_mode). */
  setMode(mode: PermissionMode): void;
  /** Every rule in force, with where it came from (settings files, this session, flags). */
  rules(): RuleWithSource[];
  /** Puts a rule in force for the rest of the session (saving it is the caller's part); root: the workspace. */
  addRule(entry: Omit<RuleWithSource, "root">): void;
  /** Takes the rules that match out of force for the rest of the session; returns them. */
  removeRules(matches: (entry: RuleWithSource) => boolean): RuleWithSource[];
  /** The file "yes always" and `/permissions allow|ask|deny|remove` write (`<lcc home>/settings.local.json`). */
  localSettingsPath: string;
  /** The parsed settings files (s08 reads `hooks` from them). */
  settings: LoadedSettings;
  /** Folders outside the workspace that count as inside (resolved). */
  additionalDirectories(): string[];
  /** The policy's verdict for a call (paths resolved), without asking anyone. */
  /**
   * `tool`: the called tool's traits (readOnly; shellCommand = judged as bash; ownStateOnly = no question); default by name.
   * `workspace`: where the call runs (the loop's, e.g. s18's lane); default the manager's workspace.
   */
  decide(
    call: ToolCall,
    earlier?: ToolCallDecision,
    tool?: ToolTraits,
    workspace?: string,
  ): Promise<PolicyVerdict>;
  /** The permission phase: the verdict, the question when it asks, the denial count. */
  hooks: AgentHooks;
}

export interface PermissionManagerOptions {
  workspace: string;
  home?: string;
  mode: PermissionMode;
  settings: LoadedSettings;
  rules: RuleWithSource[];
  additionalDirectories: string[];
  /** Tools (besides the built-in file tools) that never change anything. */
  readOnlyTools: ReadonlySet<string>;
  /** The file "yes always" writes (`<lcc home>/settings.local.json`). */
  localSettingsPath: string;
  emit: EmitEvent;
  /** One-line descriptions of a call for the question ("bash: npm test"). */
  describeCall?: (call: ToolCall) => string;
}

export function createPermissionManager(options: PermissionManagerOptions): PermissionManager {
  let mode = options.mode;
  const rules = [...options.rules];
  let denialsInARow = 0;
  const resolved = (async () => ({
    workspace: await resolveReal(options.workspace, "/"),
    additional: await Promise.all(
      options.additionalDirectories.map((path) => resolveReal(path, options.workspace)),
    ),
  }))();

  // Paths are judged where the call runs: a teammate's loop in an s18 lane passes the lane (HookContext).
  /** The real path of each folder calls run in (the session's, a lane's), resolved once like the session's own. */
  const realFolders = new Map<string, Promise<string>>();
  const workspaceOf = async (at?: string) => {
    if (at === undefined) return (await resolved).workspace;
    const known = realFolders.get(at);
    if (known) return known;
    const real = resolveReal(at, "/");
    realFolders.set(at, real);
    return real;
  };

  async function decide(
    call: ToolCall,
    earlier?: ToolCallDecision,
    tool?: ToolTraits,
    at?: string,
  ): Promise<PolicyVerdict> {
    const { additional } = await resolved;
    const workspace = await workspaceOf(at);
    // A tool that runs a shell command (s13's background_run) is judged exactly as bash: same rules, same checks.
    const name = tool?.shellCommand ? "bash" : call.name;
    return decidePermission({
      name,
      input: call.input,
      readOnly: tool?.readOnly ?? options.readOnlyTools.has(call.name),
      ...(tool?.ownStateOnly ? { ownStateOnly: true } : {}),
      paths: await resolveCallPaths(name, call.input, workspace, options.home),
      rules,
      mode,
      workspace,
      ...(options.home ? { home: options.home } : {}),
      additionalDirectories: additional,
      ...(earlier && earlier.kind !== "deny" && earlier.kind !== "rewrite"
        ? { earlier: { kind: earlier.kind, ...(earlier.reason ? { reason: earlier.reason } : {}) } }
        : {}),
    });
  }

  function denied(message: string): ToolCallDecision {
    denialsInARow++;
    const stop =
      denialsInARow >= DENIALS_BEFORE_STOP
        ? `\nThis is denial ${denialsInARow} in a row: stop trying other ways around it. Tell the user what you wanted to do and ask how to proceed.`
        : "";
    return { kind: "deny", reason: `${message}${stop}`, source: "permissions" };
  }

  /**
   * An allowed call that touches paths outside the workspace (additionalDirectories, or the user said
   * yes) carries those folders as `roots`, so s02's file tools may reach them for this one call.
   */
  async function withRoots(
    decision: ToolCallDecision,
    call: ToolCall,
    at: string,
  ): Promise<ToolCallDecision> {
    const workspace = await workspaceOf(at);
    const paths = await resolveCallPaths(call.name, call.input, workspace, options.home);
    const outside = paths.filter((path) => !isWithin(workspace, path));
    if (outside.length === 0 || decision?.kind !== "allow") return decision;
    return { ...decision, roots: await Promise.all(outside.map(existingFolderOf)) };
  }

  function allowed(reason: string): ToolCallDecision {
    denialsInARow = 0;
    return { kind: "allow", reason, source: "permissions" };
  }

  async function grant(verdict: PolicyVerdict, scope: "session" | "always", context: HookContext) {
    for (const rule of verdict.suggestions)
      rules.push({ rule, behavior: "allow", scope: "session", root: (await resolved).workspace });
    if (scope !== "always" || verdict.suggestions.length === 0) return;
    try {
      await addRulesToSettingsFile(options.localSettingsPath, "allow", verdict.suggestions.map(formatRule));
      context.emit({
        type: "notice",
        source: "permissions",
        text: `saved ${verdict.suggestions.map(formatRule).join(", ")} to ${options.localSettingsPath}`,
      });
    } catch (error) {
      const text = `${error instanceof Error ? error.message : String(error)}; the grant holds for this session only`;
      context.emit({ type: "notice", source: "permissions", level: "warn", text });
    }
  }

  const saveTo = isWithin(options.workspace, options.localSettingsPath)
    ? relative(options.workspace, options.localSettingsPath)
    : options.localSettingsPath;
  const describeCall =
    options.describeCall ?? ((call: ToolCall) => `${call.name}(${summarizeInput(call.input)})`);
  return {
    mode: () => mode,
    setMode(next) {
      const previous = mode;
      mode = next;
      options.emit({ type: "permission_mode", mode: next, previous });
    },
    rules: () => [...rules],
    addRule: (entry) => rules.push({ ...entry, root: options.workspace }),
    removeRules(matches) {
      const removed = rules.filter(matches);
      for (const entry of removed) rules.splice(rules.indexOf(entry), 1);
      return removed;
    },
    localSettingsPath: options.localSettingsPath,
    settings: options.settings,
    additionalDirectories: () => [...options.additionalDirectories],
    decide,
    hooks: {
      async permission(call, context, earlier) {
        const verdict = await decide(call, earlier, context.tool, context.workspace);
        if (verdict.kind === "allow") return withRoots(allowed(verdict.reason), call, context.workspace);
        if (verdict.kind === "deny")
          return denied(
            `Not run: ${describeCall(call)} was ${verdict.reason.startsWith("denied") ? verdict.reason : `denied: ${verdict.reason}`}.`,
          );
        const answer = await askPermission(
          context.ask,
          describeCall(call),
          verdict,
          saveTo,
          context.signal,
          call,
        );
        if (answer.kind === "refused") return denied(answer.message);
        if (answer.kind !== "once") await grant(verdict, answer.kind, context);
        // An answerer's replacement input (an SDK host's updatedInput) is what runs; the pipeline validates it.
        const yes = allowed(`the user allowed it (${answer.kind})`);
        if (answer.input === undefined || yes?.kind !== "allow")
          return withRoots(yes, call, context.workspace);
        return withRoots(
          { ...yes, input: answer.input },
          { ...call, input: answer.input },
          context.workspace,
        );
      },
    },
  };
}
