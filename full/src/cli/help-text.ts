// `lcc --help`: usage, flags, environment and exit codes, from the same constants the code uses.
import { PIPED_FIRST_BYTE_WAIT_MS } from "./read-stdin.ts";

/** Process exit codes; documented in --help and docs/en/full.md. */
export const EXIT_CODES = {
  success: 0,
  /** The run failed: model/API error (bad key, network, server) or an internal error. */
  failure: 1,
  /** Bad command line: unknown flag, bad value, -p without a prompt, missing workspace. */
  usage: 2,
  /** --max-turns was reached before the model finished. */
  maxTurns: 3,
  /** The session to --continue/--resume does not exist or cannot be read. */
  sessionNotFound: 4,
  /** Interrupted by Ctrl-C / SIGINT in headless mode. */
  interrupted: 130,
  /** 128 + SIGHUP: the terminal closed; running commands were killed first. */
  hangup: 129,
  /** 128 + SIGPIPE: whoever read lcc's output went away (`lcc -p … | head -1`). */
  outputClosed: 141,
  /** 128 + SIGTERM: killed politely; running commands were killed first. */
  terminated: 143,
} as const;

export function helpText(version: string): string {
  return `lcc ${version} — a Claude Code-style coding agent for your terminal

Usage:
  lcc [options] [prompt]           interactive session (the prompt, if given, is sent first)
  lcc -p [options] "prompt"        answer one prompt and exit (headless); piped stdin is read too
  cat file | lcc -p "explain this" stdin is appended to the prompt (if its first byte comes
                                   within ${PIPED_FIRST_BYTE_WAIT_MS} ms; without a prompt argument lcc waits for all of it)

Options:
  -p, --print                 headless: run the prompt, print the result, exit
  --output-format <format>    with -p: text (default), json (one result object) or
                              stream-json (one JSON event per line, then the result)
  --input-format stream-json  with --output-format stream-json: the Claude Agent SDK's protocol on stdin
                              (user messages, control requests); one turn per message, one session;
                              implies -p. Point the SDK's pathToClaudeCodeExecutable at lcc
  --permission-prompt-tool stdio
                              with --input-format stream-json: ask the SDK app (canUseTool) before
                              a call that needs approval, instead of refusing it
  --max-turns <n>             stop after n model requests
  --model <id>                model id (default: MODEL_ID or the built-in default)
  --fallback-model <id>       after repeated overloads (529), retry with this model instead
  --print-prompt              print the system prompt section by section (source, tokens) and exit
  --cwd <dir>                 workspace directory (default: where you ran the command)
  --dotenv <file>             read this .env first (then ~/.lcc/.env and lcc's own .env; never the workspace's)
  --trace <file>              append the wire as JSONL (requests, responses, tool calls); view: pnpm trace <file>
  --permission-mode <mode>    default (ask before edits and commands), acceptEdits (edit without asking),
                              plan (read-only), bypassPermissions (ask nothing; deny rules still apply)
  --allowedTools <rules>      extra allow rules, Claude Code syntax: "Bash(npm test:*),Edit(src/**)"
  --disallowedTools <rules>   extra deny rules (deny always wins)
  --no-project-hooks          never run hooks from the workspace's .claude/settings*.json
  --mcp-config <file|json>…   MCP servers from these files or inline JSON ({"mcpServers":{…}}); repeatable
  --strict-mcp-config         only the --mcp-config servers (not .mcp.json, ~/.claude.json or plugins)
  -c, --continue              continue the most recent session in this workspace
  -r, --resume <id>           resume a session by id (or unique prefix); without an id, list sessions
  --demo                      use the built-in scripted demo model, even when a key is set
  --verbose                   with -p text output: show tool calls on stderr
  --debug, --debug-file <f>   accepted for the Agent SDK, which passes them; lcc keeps no debug log (--trace)
  --allow-dangerously-skip-permissions
                              accepted for the Agent SDK; --permission-mode bypassPermissions needs no unlock
  -v, --version               print the version
  -h, --help                  print this help

Environment:
  ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN   credentials (without one, lcc runs the demo model)
  ANTHROPIC_BASE_URL                         any Anthropic-compatible endpoint
  MODEL_ID, MAX_TOKENS                       model and output budget
  LCC_HOME                                   state folder (default <workspace>/.lcc)
  LCC_CONTEXT_WINDOW, LCC_AUTOCOMPACT_PERCENT, LCC_MICROCOMPACT=0
                                             context window and compaction (s06)
  MCP_TIMEOUT, MCP_TOOL_TIMEOUT              MCP server start-up and tool call limits in ms (s19)
  NO_COLOR / FORCE_COLOR                     disable / force colours

Exit codes:
  ${EXIT_CODES.success}    success
  ${EXIT_CODES.failure}    the run failed (model/API error such as a bad key or no network; or an internal error)
  ${EXIT_CODES.usage}    bad command line (unknown option, bad value, -p without a prompt, no such --cwd)
  ${EXIT_CODES.maxTurns}    --max-turns reached before the model finished
  ${EXIT_CODES.sessionNotFound}    the session to --continue/--resume was not found, is unreadable, or is in use by another lcc
  ${EXIT_CODES.interrupted}  interrupted (Ctrl-C / SIGINT)
  ${EXIT_CODES.hangup}  ended by SIGHUP (terminal closed); running commands are killed first
  ${EXIT_CODES.outputClosed}  the reader of the output went away (lcc -p … | head)
  ${EXIT_CODES.terminated}  ended by SIGTERM; running commands are killed first

In the interactive session type /help for slash commands. Ctrl-C interrupts a turn;
Ctrl-C on an empty prompt or Ctrl-D exits.
`;
}
