// Command-line flags of `lcc`, parsed into plain data. Pure: no I/O, never throws.

export type OutputFormat = "text" | "json" | "stream-json";

export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "json", "stream-json"];

/** `--input-format`: a prompt (text, the default) or the Agent SDK's protocol on stdin (stream-json). */
export type InputFormat = "text" | "stream-json";

export interface RunOptions {
  kind: "run";
  /** `-p/--print`: answer one prompt and exit (headless). */
  print: boolean;
  /** Positional words joined with spaces; in the REPL it becomes the first prompt. */
  prompt?: string;
  outputFormat: OutputFormat;
  /** `--input-format stream-json`: user messages and control requests on stdin (the Agent SDK's protocol); implies -p. */
  inputFormat: InputFormat;
  /** `--permission-prompt-tool stdio`: permission questions go to the SDK host as `can_use_tool` requests. */
  permissionPromptTool?: "stdio";
  maxTurns?: number;
  model?: string;
  /** `--fallback-model <id>`: the model retries go to after repeated overloads (s11). */
  fallbackModel?: string;
  /** `--print-prompt`: print the assembled system prompt, section by section with sizes, and exit (s10). */
  printPrompt: boolean;
  cwd?: string;
  /** `--dotenv <file>`: read this `.env` first (before ~/.lcc/.env and lcc's own root). */
  envFile?: string;
  /** `--trace <file>`: append the wire (requests, responses, tool calls) as JSONL; same as LCC_TRACE. */
  trace?: string;
  /** `--permission-mode <mode>`: default, acceptEdits, plan or bypassPermissions (s07). */
  permissionMode?: PermissionModeName;
  /** `--allowedTools` / `--disallowedTools`: extra allow / deny rules in Claude Code syntax. */
  allowedTools: string[];
  disallowedTools: string[];
  /** `--no-project-hooks`: hooks from the workspace's own settings never run (s08). */
  projectHooks: boolean;
  /** `--mcp-config <file-or-json>…` (repeatable): MCP servers from these files or inline JSON strings (s19). */
  mcpConfig: string[];
  /** `--strict-mcp-config`: only the `--mcp-config` servers; .mcp.json, ~/.claude.json and plugins are ignored. */
  strictMcpConfig: boolean;
  continueLast: boolean;
  /** `-r/--resume <id>`; an empty string means "list the sessions". */
  resume?: string;
  demo: boolean;
  verbose: boolean;
}

export type ParsedArgs =
  | RunOptions
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "error"; message: string };

const VALUE_FLAGS = new Set([
  "--output-format",
  "--input-format",
  "--permission-prompt-tool",
  "--debug-file",
  "--max-turns",
  "--model",
  "--fallback-model",
  "--cwd",
  "--dotenv",
  "--trace",
  "--permission-mode",
  "--allowedTools",
  "--allowed-tools",
  "--disallowedTools",
  "--disallowed-tools",
  "--resume",
  "-r",
  "--mcp-config",
]);

/** The permission modes of s07, spelled here so parsing flags loads no chapter. */
export const PERMISSION_MODE_NAMES = ["default", "acceptEdits", "plan", "bypassPermissions"] as const;
export type PermissionModeName = (typeof PERMISSION_MODE_NAMES)[number];

/**
 * `--allowedTools "Bash(git log:*),Edit" Read`: rules separated by commas or spaces, except inside the
 * parentheses of a rule (`Bash(npm run build:*)` stays one rule).
 */
export function splitToolRules(value: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of value) {
    if (char === "(") depth += 1;
    if (char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === "," || char === " ")) {
      if (current.trim()) rules.push(current.trim());
      current = "";
      continue;
    }
    current += char;
  }
  if (current.trim()) rules.push(current.trim());
  return rules;
}

/** A further `--mcp-config` value: inline JSON (`{…}`) or a `.json` file; anything else is a prompt word. */
function looksLikeMcpConfig(arg: string | undefined): boolean {
  if (arg === undefined || arg.startsWith("-")) return false;
  return arg.trimStart().startsWith("{") || arg.endsWith(".json");
}

/** Parses `argv` (without node and the script). Unknown flags and bad values become `{ kind: "error" }`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: RunOptions = {
    kind: "run",
    print: false,
    outputFormat: "text",
    inputFormat: "text",
    continueLast: false,
    demo: false,
    verbose: false,
    allowedTools: [],
    disallowedTools: [],
    projectHooks: true,
    mcpConfig: [],
    strictMcpConfig: false,
    printPrompt: false,
  };
  const words: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? "";
    if (arg === "--") {
      words.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      words.push(arg);
      continue;
    }
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    let value: string | undefined = equals > 0 ? arg.slice(equals + 1) : undefined;
    if (VALUE_FLAGS.has(flag) && value === undefined) {
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith("-")) {
        value = next;
        index++;
      }
    }
    const problem = applyFlag(options, flag, value);
    if (problem === "help" || problem === "version") return { kind: problem };
    if (problem) return { kind: "error", message: problem };
    // Claude Code's form `--mcp-config a.json '{"mcpServers":…}'`: more configs after one flag (never the prompt).
    if (flag === "--mcp-config" && equals < 0)
      while (looksLikeMcpConfig(argv[index + 1])) options.mcpConfig.push(argv[++index] ?? "");
  }
  if (words.length > 0) options.prompt = words.join(" ");
  if (options.continueLast && options.resume !== undefined) {
    return { kind: "error", message: "--continue and --resume cannot be used together" };
  }
  if (options.inputFormat === "stream-json") {
    if (options.outputFormat !== "stream-json")
      return { kind: "error", message: "--input-format stream-json needs --output-format stream-json" };
    if (options.prompt !== undefined)
      return {
        kind: "error",
        message: "--input-format stream-json reads its prompts from stdin, not arguments",
      };
    options.print = true;
  }
  if (options.permissionPromptTool && options.inputFormat !== "stream-json")
    return { kind: "error", message: "--permission-prompt-tool stdio needs --input-format stream-json" };
  if (!options.print && options.outputFormat !== "text") {
    return { kind: "error", message: "--output-format only applies with -p/--print" };
  }
  return options;
}

/** Applies one flag; returns an error message, "help"/"version", or undefined when fine. */
function applyFlag(options: RunOptions, flag: string, value: string | undefined): string | undefined {
  const needValue = (what: string) => `${flag} needs ${what}`;
  switch (flag) {
    case "-h":
    case "--help":
      return "help";
    case "-v":
    case "--version":
      return "version";
    case "-p":
    case "--print":
      options.print = true;
      return undefined;
    case "-c":
    case "--continue":
      options.continueLast = true;
      return undefined;
    case "-r":
    case "--resume":
      options.resume = value ?? "";
      return undefined;
    case "--demo":
      options.demo = true;
      return undefined;
    case "--verbose":
      options.verbose = true;
      return undefined;
    case "--output-format":
      if (!value) return needValue(`one of ${OUTPUT_FORMATS.join(", ")}`);
      if (!OUTPUT_FORMATS.includes(value as OutputFormat)) {
        return `--output-format must be one of ${OUTPUT_FORMATS.join(", ")} (got "${value}")`;
      }
      options.outputFormat = value as OutputFormat;
      return undefined;
    case "--input-format":
      if (value !== "text" && value !== "stream-json")
        return `--input-format must be text or stream-json (got "${value ?? ""}")`;
      options.inputFormat = value;
      return undefined;
    case "--permission-prompt-tool":
      // Claude Code also takes an MCP tool's name here; lcc asks only the SDK host over stdio.
      if (value !== "stdio") return `--permission-prompt-tool supports only stdio (got "${value ?? ""}")`;
      options.permissionPromptTool = value;
      return undefined;
    case "--allow-dangerously-skip-permissions":
      // The Agent SDK passes it with allowDangerouslySkipPermissions; lcc's bypassPermissions mode needs no unlock.
      return undefined;
    case "--debug":
    case "--debug-file":
      // The Agent SDK passes these when its own debug log is on; lcc keeps no debug log (--trace records the wire).
      if (flag === "--debug-file" && !value) return needValue("a file");
      return undefined;
    case "--max-turns": {
      const turns = Number(value);
      if (!value || !Number.isInteger(turns) || turns < 1) return needValue("a whole number of at least 1");
      options.maxTurns = turns;
      return undefined;
    }
    case "--model":
      if (!value) return needValue("a model id");
      options.model = value;
      return undefined;
    case "--fallback-model":
      if (!value) return needValue("a model id");
      options.fallbackModel = value;
      return undefined;
    case "--print-prompt":
      options.printPrompt = true;
      return undefined;
    case "--cwd":
      if (!value) return needValue("a directory");
      options.cwd = value;
      return undefined;
    case "--dotenv":
      if (!value) return needValue("a file");
      options.envFile = value;
      return undefined;
    case "--trace":
      if (!value) return needValue("a file");
      options.trace = value;
      return undefined;
    case "--permission-mode":
      if (!value || !(PERMISSION_MODE_NAMES as readonly string[]).includes(value))
        return needValue(`one of ${PERMISSION_MODE_NAMES.join(", ")}`);
      options.permissionMode = value as PermissionModeName;
      return undefined;
    case "--allowedTools":
    case "--allowed-tools":
    case "--disallowedTools":
    case "--disallowed-tools": {
      if (!value) return needValue('rules, e.g. "Bash(npm test:*),Edit"');
      const list = flag.startsWith("--allowed") ? options.allowedTools : options.disallowedTools;
      list.push(...splitToolRules(value));
      return undefined;
    }
    case "--no-project-hooks":
      options.projectHooks = false;
      return undefined;
    case "--mcp-config":
      if (!value) return needValue("a file or inline JSON, e.g. .mcp.json or '{\"mcpServers\":{…}}'");
      options.mcpConfig.push(value);
      return undefined;
    case "--strict-mcp-config":
      options.strictMcpConfig = true;
      return undefined;
    default:
      return `unknown option ${flag} (see lcc --help)`;
  }
}
