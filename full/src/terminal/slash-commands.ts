// lcc's own slash commands (/cost, /model, /resume), contributed to the setup like a chapter's; the
// chapters bring theirs (/help /clear /context from s02, /skills from s05, /compact from s06, /memory
// from s09, /prompt from s10 … /mcp from s19, /tools from s20).
import { parseSlashCommand, type SlashCommand } from "@lcc/s02";
import type { AgentSession } from "../session/agent-session.ts";
import { cacheHitRate, formatTokens, formatUsd, priceOf } from "../session/cost.ts";
import { resumeSession } from "../session/resume-session.ts";
import { findSession, listSessions, SessionReadError } from "../session/session-store.ts";
import type { Colors } from "./colors.ts";

/** What /help says after the commands: the keys. */
export function lccHelpNotes(): string[] {
  return ["Ctrl-C interrupts a running turn (and kills its commands); ↑/↓ browse your input history."];
}

/** True for "/word …" lines; "/tmp/file is odd" is a prompt, not a command. */
export function isSlashCommand(line: string): boolean {
  return parseSlashCommand(line) !== undefined;
}

/** What to say about a command line no command took. */
export function describeMissingCommand(line: string): string {
  const name = parseSlashCommand(line)?.name ?? line.trim();
  return `Unknown command /${name}. Type /help for the list.\n`;
}

export interface ProductCommandOptions {
  colors: Colors;
  /** The demo model is running (nothing costs money). */
  demo: boolean;
}

/** /cost, /model and /resume for the session `current()` returns (it exists once the setup is built). */
export function createProductCommands(
  current: () => AgentSession,
  options: ProductCommandOptions,
): SlashCommand[] {
  return [
    {
      name: "cost",
      usage: "/cost",
      summary: "tokens, prompt-cache reads/writes and hit rate, estimated cost (this lcc process)",
      run(_args, { write }) {
        write(`${describeCost(current(), options)}\n`);
      },
    },
    {
      name: "model",
      usage: "/model [id]",
      summary: "show or switch the model (a switch starts a fresh prompt cache)",
      run(args, { write, session }) {
        if (!args) return write(`model: ${session.model()}\n`);
        session.setModel(args);
        const price = priceOf(args) ? "" : " (its price is unknown to lcc)";
        write(`Model set to ${args} for the next requests${price}.\n`);
      },
    },
    {
      name: "resume",
      usage: "/resume [id]",
      summary: "list saved sessions, or switch to one",
      async run(args, { write }) {
        const session = current();
        const { sessionsDir } = session;
        if (!args) {
          const sessions = listSessions(sessionsDir).slice(0, 15);
          if (sessions.length === 0) return write("No saved sessions in this workspace yet.\n");
          const rows = sessions.map(
            (entry) => `  ${entry.id}  ${formatSessionTime(entry.modifiedMs)}  ${entry.firstPrompt ?? ""}`,
          );
          return write(`${rows.join("\n")}\nType /resume <id> (a unique prefix is enough).\n`);
        }
        const found = findSession(sessionsDir, args);
        if (!found) return write(`No session matches "${args}". /resume lists them.\n`);
        try {
          const loaded = resumeSession(found.path, found.id);
          await session.resume(loaded);
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
}

/** One date format for sessions everywhere (`/resume` and `lcc -r`): local time, "2026-12-05 19:50". */
export function formatSessionTime(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The /cost report: totals of every request this process made (across /clear), cache statistics, the estimate. */
export function describeCost(session: AgentSession, { colors, demo }: ProductCommandOptions): string {
  const total = session.usage.total();
  const requests = session.usage.requests();
  const hit = (cacheHitRate(total) * 100).toFixed(1);
  // The demo model costs nothing: no list price is shown beside it.
  const models = [...session.usage.byModel().keys()].map((model) => {
    if (demo) return model;
    const note = priceOf(model)?.note;
    return `${model}${note ? ` (${note})` : priceOf(model) ? "" : " (price unknown)"}`;
  });
  const cost = demo ? "$0 (demo model, nothing is billed)" : formatUsd(session.usage.costUsd());
  return [
    `${colors.bold("Since lcc started")}: ${requests} request${requests === 1 ? "" : "s"} (current session ${session.sessionId()})`,
    `  input ${formatTokens(total.input_tokens)} · output ${formatTokens(total.output_tokens)} · cache read ${formatTokens(total.cache_read_input_tokens)} · cache write ${formatTokens(total.cache_creation_input_tokens)}`,
    `  cache hit rate ${hit}% of input tokens`,
    `  estimated cost ${cost}${models.length > 0 ? ` — ${models.join(", ")}` : ""}`,
  ].join("\n");
}
