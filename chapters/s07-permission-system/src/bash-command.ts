// A bash command split into the simple commands it runs, with shell-quote doing the quoting and escaping.
// Anything the split cannot be sure of (substitutions, heredocs, subshells, unknown operators) is reported
// as unsure, and the permission check asks instead of guessing. Pure.
import { parse } from "shell-quote";

/** One simple command of a compound command: its words (quotes removed) and its redirections. */
export interface CommandSegment {
  words: string[];
  /** Redirections as written after the words ("> out.txt", "2>&1"). */
  redirections: string[];
  /** It writes output to a file (`>`, `>>`, `&>` to anything but /dev/null). */
  writesFiles: boolean;
}

export type ParsedCommand = { ok: true; segments: CommandSegment[] } | { ok: false; reason: string };

const CONTROL_OPERATORS = new Set(["&&", "||", ";", "|", "&", "|&", ";;"]);
const REDIRECTIONS = new Set([">", ">>", ">&", "<", "<&", ">|", "&>"]);

/**
 * Splits `command` on `&& || ; | &` and unquoted newlines. Unsure (ok: false, with the reason) for
 * `$(…)` and backticks anywhere (even quoted: being wrong here would run a command nobody allowed),
 * heredocs, subshells, process substitution and operators it does not know.
 */
export function parseBashCommand(command: string): ParsedCommand {
  if (/`|\$\(/.test(command))
    return { ok: false, reason: "it contains a command substitution ($(…) or backticks)" };
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(joinLines(command), (name) => `$${name}`);
  } catch (error) {
    return {
      ok: false,
      reason: `it could not be parsed (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const segments: CommandSegment[] = [];
  let current: CommandSegment = emptySegment();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (typeof token === "string") {
      current.words.push(token);
      continue;
    }
    if (token === undefined) continue;
    if ("comment" in token) break;
    if (!("op" in token)) continue;
    if (token.op === "glob") {
      current.words.push((token as { pattern: string }).pattern);
      continue;
    }
    if (CONTROL_OPERATORS.has(token.op)) {
      if (current.words.length > 0) segments.push(current);
      else if (current.redirections.length > 0) return { ok: false, reason: "a redirection has no command" };
      current = emptySegment();
      continue;
    }
    if (REDIRECTIONS.has(token.op)) {
      const next = tokens[index + 1];
      if (typeof next !== "string")
        return {
          ok: false,
          reason: `it uses "${token.op}" in a way this check does not follow (a heredoc?)`,
        };
      const fd = /^\d+$/.test(current.words.at(-1) ?? "") && adjacentFd(command) ? current.words.pop() : "";
      current.redirections.push(`${fd}${token.op}${next}`);
      if (writesToFile(token.op, next)) current.writesFiles = true;
      index++;
      continue;
    }
    return { ok: false, reason: `it uses "${token.op}", which this check does not follow` };
  }
  if (current.words.length > 0) segments.push(current);
  if (segments.length === 0) return { ok: false, reason: "it is empty" };
  return { ok: true, segments };
}

/** The segment as one line, quotes removed: what prefix rules are matched against. */
export function segmentText(segment: CommandSegment): string {
  return [...segment.words, ...segment.redirections].join(" ");
}

/** Unquoted newlines end a command like `;` (shell-quote would read them as spaces). */
function joinLines(command: string): string {
  let result = "";
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < command.length; index++) {
    const char = command[index] ?? "";
    if (char === "\\" && quote !== "'") {
      const next = command[index + 1] ?? "";
      if (next === "\n" && !quote) {
        index++;
        continue;
      }
      result += char + next;
      index++;
      continue;
    }
    if ((char === "'" || char === '"') && (!quote || quote === char)) quote = quote ? undefined : char;
    result += char === "\n" && !quote ? " ; " : char;
  }
  return result;
}

/** shell-quote splits `2>&1` into "2", ">&", "1": a digit word right before a redirection is its fd. */
function adjacentFd(command: string): boolean {
  return /\d[<>]/.test(command);
}

function writesToFile(op: string, target: string): boolean {
  if (op === "<" || op === "<&") return false;
  if (op === ">&") return !/^\d+$/.test(target) && target !== "-";
  return target !== "/dev/null";
}

function emptySegment(): CommandSegment {
  return { words: [], redirections: [], writesFiles: false };
}
