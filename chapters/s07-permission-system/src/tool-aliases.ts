// Claude Code's tool names as aliases of ours, so a user's existing settings (rules, hook matchers) just work.
// Pure: a name in a rule or matcher → the tools of this agent it covers.

/**
 * Claude Code name → the tool names it covers here. `Read` covers glob and grep for path rules,
 * `Edit` covers every file-changing tool (as in Claude Code), `Task`/`Agent` the agent tool.
 * `mcp__…` names and our own names need no alias: they match as they are.
 */
export const TOOL_ALIASES: Readonly<Record<string, readonly string[]>> = {
  Bash: ["bash"],
  Read: ["read_file", "glob", "grep"],
  Write: ["write_file", "edit_file"],
  Edit: ["write_file", "edit_file"],
  MultiEdit: ["write_file", "edit_file"],
  Glob: ["glob"],
  Grep: ["grep"],
  Task: ["agent"],
  Agent: ["agent"],
  TodoWrite: ["todo_write"],
};

/** Tools that change files: acceptEdits allows them inside the workspace, `Edit(...)` rules cover them. */
export const FILE_EDIT_TOOLS: ReadonlySet<string> = new Set(["write_file", "edit_file"]);

/** Tools that read files by path: outside the workspace they ask, `Read(...)` rules cover them. */
export const FILE_READ_TOOLS: ReadonlySet<string> = new Set(["read_file", "glob", "grep"]);

/** Tools that touch neither the workspace nor the world by themselves (a subagent's calls are checked one by one). */
export const HARMLESS_TOOLS: ReadonlySet<string> = new Set(["todo_write", "compact", "agent", "load_skill"]);

/** The input fields that hold a path, per file tool (glob and grep default to the workspace). */
export const PATH_FIELDS: Readonly<Record<string, readonly string[]>> = {
  read_file: ["path"],
  write_file: ["path"],
  edit_file: ["path"],
  glob: ["path"],
  grep: ["path"],
};

/** The tool names a rule's tool part covers: its aliases, or itself. */
export function toolsNamedBy(name: string): readonly string[] {
  return TOOL_ALIASES[name] ?? [name];
}

/**
 * True when `pattern` (a rule's tool part, or one alternative of a hook matcher) names `toolName`:
 * equal, an alias of it, `*`, an `mcp__server__*` style prefix wildcard, or `mcp__server` (every tool of
 * that server, Claude Code's form). Pure.
 */
export function matchesToolName(pattern: string, toolName: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === "*" || trimmed === "") return true;
  if (/^mcp__[\w-]+$/.test(trimmed) && !trimmed.slice(5).includes("__"))
    return toolName === trimmed || toolName.startsWith(`${trimmed}__`);
  if (trimmed.endsWith("*")) {
    const prefix = trimmed.slice(0, -1);
    return toolName.startsWith(prefix);
  }
  return toolsNamedBy(trimmed).includes(toolName);
}
