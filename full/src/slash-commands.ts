// Slash commands of the REPL. Commands whose capability comes from a chapter not yet integrated say
// so plainly instead of pretending; each becomes real when agent-setup.ts exposes the capability.
import type { AgentSession } from "./agent-session.ts";
import { INTEGRATED_CHAPTER } from "./agent-setup.ts";
import type { Colors } from "./colors.ts";
import { cacheHitRate, formatTokens, formatUsd, priceOf } from "./cost.ts";
import { findSession, listSessions, loadSession, SessionReadError } from "./session-store.ts";

/** Context window /context assumes when no integrated chapter sets one (tokens). */
export const CONTEXT_WINDOW_TOKENS = 200_000;

export interface SlashContext {
  session: AgentSession;
  write: (text: string) => void;
  colors: Colors;
  signal: AbortSignal;
  /** The demo model is running (costs are zero). */
  demo: boolean;
}

export interface SlashCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string, context: SlashContext): void | Promise<void>;
}

/** Commands that belong to chapters not integrated yet: name → the chapter that brings them. */
export const UPCOMING_COMMANDS: Readonly<Record<string, { chapter: string; what: string }>> = {
  mode: { chapter: "s07", what: "permission modes" },
  memory: { chapter: "s09", what: "durable memory" },
  prompt: { chapter: "s10", what: "the system prompt pipeline" },
  tasks: { chapter: "s12", what: "the task board" },
  bg: { chapter: "s13", what: "background commands" },
  cron: { chapter: "s14", what: "scheduled prompts" },
  team: { chapter: "s15", what: "agent teams" },
  inbox: { chapter: "s15", what: "team mailboxes" },
  worktrees: { chapter: "s18", what: "worktree lanes" },
  mcp: { chapter: "s19", what: "MCP servers" },
};

function notYet(command: string, chapter: string, what: string): string {
  return `/${command} is not available yet: ${what} arrive${what.endsWith("s") ? "" : "s"} with chapter ${chapter}, and this build integrates chapters up to ${INTEGRATED_CHAPTER}.\n`;
}

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  {
    name: "help",
    usage: "/help",
    summary: "list the commands",
    run(_args, { write, colors }) {
      const lines = SLASH_COMMANDS.map(
        (command) => `  ${colors.bold(command.usage.padEnd(18))} ${command.summary}`,
      );
      lines.push(`  ${colors.bold("/exit".padEnd(18))} leave (also Ctrl-D, or Ctrl-C on an empty prompt)`);
      const upcoming = Object.entries(UPCOMING_COMMANDS).map(
        ([name, { chapter }]) => `/${name} (${chapter})`,
      );
      write(`${lines.join("\n")}\n${colors.dim(`Coming with later chapters: ${upcoming.join(", ")}`)}\n`);
      write(
        colors.dim(
          "Ctrl-C interrupts a running turn (and kills its commands); ↑/↓ browse your input history.\n",
        ),
      );
    },
  },
  {
    name: "clear",
    usage: "/clear",
    summary: "start a new conversation: new session, empty plan (the old one stays on disk for --resume)",
    run(_args, { session, write }) {
      const previous = session.sessionId();
      session.clear();
      write(
        `Started a new conversation (session ${session.sessionId()}). The previous one is ${previous}.\n`,
      );
    },
  },
  {
    name: "compact",
    usage: "/compact [focus]",
    summary: "summarise the conversation to free context (optional focus)",
    async run(args, { session, write, signal }) {
      if (!session.capabilities.compact) return write(notYet("compact", "s06", "compaction"));
      write(`${await session.compact(args.trim() || undefined, signal)}\n`);
    },
  },
  {
    name: "cost",
    usage: "/cost",
    summary: "tokens, prompt-cache reads/writes and hit rate, estimated cost (this lcc process)",
    run(_args, { session, write, colors, demo }) {
      write(`${describeCost(session, colors, demo)}\n`);
    },
  },
  {
    name: "context",
    usage: "/context",
    summary: "how full the context window is, the system prompt and the tools",
    run(_args, { session, write }) {
      const last = session.state.lastUsage;
      const used = last
        ? (last.input_tokens ?? 0) +
          (last.cache_read_input_tokens ?? 0) +
          (last.cache_creation_input_tokens ?? 0)
        : 0;
      const window = session.capabilities.contextWindow;
      const windowTokens = window?.tokens ?? CONTEXT_WINDOW_TOKENS;
      const share = ((used / windowTokens) * 100).toFixed(1);
      const autoCompact = window ? `; auto-compaction near ${formatTokens(window.autoCompactTokens)}` : "";
      const tools = session.resolved.registry.names();
      write(
        `${session.state.messages.length} messages; last request used ${formatTokens(used)} of ${formatTokens(windowTokens)} tokens (${share}%)${last ? "" : " — no request yet"}${autoCompact}\n` +
          `system prompt: ${session.resolved.system.length} characters; ${tools.length} tools: ${tools.join(", ")}\n`,
      );
    },
  },
  {
    name: "model",
    usage: "/model [id]",
    summary: "show or switch the model (a switch starts a fresh prompt cache)",
    run(args, { session, write }) {
      const next = args.trim();
      if (!next) return write(`model: ${session.model()}\n`);
      session.setModel(next);
      write(
        `Model set to ${next} for the next requests${priceOf(next) ? "" : " (its price is unknown to lcc)"}.\n`,
      );
    },
  },
  {
    name: "skills",
    usage: "/skills",
    summary: "list the skills the agent can load",
    run(_args, { session, write }) {
      const skills = session.capabilities.skills;
      if (!skills) return write(notYet("skills", "s05", "skills"));
      const list = skills();
      if (list.length === 0)
        return write("No skills found (skills/*/SKILL.md or .claude/skills/*/SKILL.md).\n");
      write(`${list.map((skill) => `  ${skill.name} — ${skill.description}`).join("\n")}\n`);
    },
  },
  {
    name: "resume",
    usage: "/resume [id]",
    summary: "list saved sessions, or switch to one",
    run(args, { session, write }) {
      const { sessionsDir } = session;
      const id = args.trim();
      if (!id) {
        const sessions = listSessions(sessionsDir).slice(0, 15);
        if (sessions.length === 0) return write("No saved sessions in this workspace yet.\n");
        const rows = sessions.map((entry) => {
          const when = new Date(entry.modifiedMs).toLocaleString();
          return `  ${entry.id}  ${when}  ${entry.firstPrompt ?? ""}`;
        });
        return write(`${rows.join("\n")}\nType /resume <id> (a unique prefix is enough).\n`);
      }
      const found = findSession(sessionsDir, id);
      if (!found) return write(`No session matches "${id}". /resume lists them.\n`);
      try {
        const loaded = loadSession(found.path, found.id);
        session.resume(loaded);
        const repaired = loaded.repairedToolUseIds.length;
        const note =
          repaired > 0
            ? `; its last turn was cut off, ${repaired} unfinished tool call(s) marked interrupted`
            : "";
        write(`Resumed ${found.id} (${loaded.messages.length} messages${note}).\n`);
      } catch (error) {
        if (!(error instanceof SessionReadError)) throw error;
        write(`${error.message}\n`);
      }
    },
  },
];

/** True for "/word …" lines; "/tmp/file is odd" is a prompt, not a command. */
export function isSlashCommand(line: string): boolean {
  return /^\/[A-Za-z][\w-]*(\s|$)/.test(line);
}

/** Runs a command line: a known command, a "not yet" notice for a later chapter's, or an "unknown" hint. */
export async function runSlashCommand(line: string, context: SlashContext): Promise<void> {
  const [head = "", ...rest] = line.slice(1).split(/\s+/);
  const name = head.toLowerCase();
  const args = rest.join(" ");
  const command = SLASH_COMMANDS.find((candidate) => candidate.name === name);
  if (command) return command.run(args, context);
  const upcoming = UPCOMING_COMMANDS[name];
  if (upcoming) return context.write(notYet(name, upcoming.chapter, upcoming.what));
  context.write(`Unknown command /${head}. Type /help for the list.\n`);
}

/** The /cost report: totals of every request this process made (across /clear), cache statistics, the estimate per model. */
export function describeCost(session: AgentSession, colors: Colors, demo: boolean): string {
  const total = session.usage.total();
  const requests = session.usage.requests();
  const hit = (cacheHitRate(total) * 100).toFixed(1);
  const perModel = [...session.usage.byModel().keys()].map((model) => {
    const note = priceOf(model)?.note;
    return `${model}${note ? ` (${note})` : priceOf(model) ? "" : " (price unknown)"}`;
  });
  const cost = demo ? "$0 (demo model)" : formatUsd(session.usage.costUsd());
  return [
    `${colors.bold("Since lcc started")}: ${requests} request${requests === 1 ? "" : "s"} (current session ${session.sessionId()})`,
    `  input ${formatTokens(total.input_tokens)} · output ${formatTokens(total.output_tokens)} · cache read ${formatTokens(total.cache_read_input_tokens)} · cache write ${formatTokens(total.cache_creation_input_tokens)}`,
    `  cache hit rate ${hit}% of input tokens`,
    `  estimated cost ${cost}${perModel.length > 0 ? ` — ${perModel.join(", ")}` : ""}`,
  ].join("\n");
}
