// Slash commands as setup data: a chapter contributes the commands of its capability (/compact from
// s06, /skills from s05); the session core offers /help, /clear and /context. The REPL handles /exit.
import { formatCount, wrapWords } from "@lcc/chapter-kit";
import { systemPromptText } from "./agent-setup.ts";
import type { SessionAgent } from "./session-agent.ts";

export interface CommandContext {
  session: SessionAgent;
  /** Writes text for the user (commands end their lines with "\n"). */
  write: (text: string) => void;
  /** Aborts on Ctrl-C while the command runs. */
  signal: AbortSignal;
}

export interface SlashCommand {
  name: string;
  /** How to type it, e.g. "/compact [focus]". */
  usage: string;
  /** One line for /help. */
  summary: string;
  /** May throw: the REPL shows the error and goes on. */
  run(args: string, context: CommandContext): void | Promise<void>;
}

/** Context window assumed when no chapter sets one (tokens). */
export const DEFAULT_CONTEXT_WINDOW = 200_000;

/** "/name args" → its parts; undefined for lines that are prompts ("/tmp/x is odd" is a prompt). */
export function parseSlashCommand(line: string): { name: string; args: string } | undefined {
  const match = /^\/([A-Za-z][\w-]*)(?:\s+([\s\S]*))?$/.exec(line.trim());
  if (!match?.[1]) return undefined;
  return { name: match[1].toLowerCase(), args: (match[2] ?? "").trim() };
}

/** Lines of "  usage   summary", aligned, for /help. */
export function describeCommands(commands: readonly SlashCommand[]): string {
  const width = Math.max(...commands.map((command) => command.usage.length), 5) + 2;
  return commands.map((command) => `  ${command.usage.padEnd(width)}${command.summary}`).join("\n");
}

/** The commands every session has. */
export function coreCommands(): SlashCommand[] {
  return [
    {
      name: "help",
      usage: "/help",
      summary: "list the commands",
      run(_args, { session, write }) {
        const exit: SlashCommand = { name: "exit", usage: "/exit", summary: "leave (also Ctrl-D)", run() {} };
        const notes = session.setup.helpNotes ?? [];
        write(`${[describeCommands([...session.resolved.commands, exit]), ...notes].join("\n")}\n`);
      },
    },
    {
      name: "clear",
      usage: "/clear",
      summary: "start a new conversation (empty history, fresh plan and skills)",
      async run(_args, { session, write }) {
        await session.reset();
        write("Started a new conversation.\n");
      },
    },
    {
      name: "context",
      usage: "/context",
      summary: "how full the context window is, the system prompt and the tools",
      run(_args, { session, write }) {
        write(`${describeContext(session)}\n`);
      },
    },
  ];
}

/** What /context prints: messages, the last request's reported size against the window, prompt and tools. */
export function describeContext(session: SessionAgent): string {
  const last = session.state.lastUsage;
  const used = last
    ? last.input_tokens + (last.cache_read_input_tokens ?? 0) + (last.cache_creation_input_tokens ?? 0)
    : undefined;
  const window = session.setup.contextWindow;
  const tokens = window?.tokens ?? DEFAULT_CONTEXT_WINDOW;
  const size =
    used === undefined
      ? "no request in this conversation yet"
      : `the last request used ${formatCount(used)} of ${formatCount(tokens)} tokens (${((used / tokens) * 100).toFixed(1)}%)`;
  const auto = window?.autoCompactTokens
    ? `; auto-compaction near ${formatCount(window.autoCompactTokens)}`
    : "";
  const tools = session.resolved.registry.names();
  return [
    `${session.state.messages.length} messages; ${size}${auto}`,
    `system prompt: ${formatCount(systemPromptText(session.resolved.system).length)} characters`,
    wrapWords(`${tools.length} tools: ${tools.join(", ")}`, CONTEXT_COLUMNS).join("\n  "),
  ].join("\n");
}

/** Columns /context keeps its lines within (a long tool list wraps between names, indented). */
const CONTEXT_COLUMNS = 100;
