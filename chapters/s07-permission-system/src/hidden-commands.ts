// The commands a bash line really runs, for deny and ask rules: those behind `NAME=value` words and wrapper
// programs (`timeout 5 rm …`, `nice -n 10 rm …`), inside `$(…)` and backticks, and in the string a shell runs
// (`sh -c 'rm …'`, `eval "rm …"`). Errs towards more candidates: a deny rule that matches one of them holds
// even in bypassPermissions mode. Pure.
import { type CommandSegment, parseBashCommand } from "./bash-command.ts";

/** Programs that run the words after them (and their own options) as another command. */
const WRAPPERS = new Set(
  "builtin command doas env exec nice nohup stdbuf sudo time timeout xargs ionice chrt setsid".split(" "),
);
/** `NAME=value` before a program only sets a variable for it. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Shells whose `-c` string is a command line of its own. */
const SHELLS = new Set("sh bash dash zsh ksh mksh ash busybox".split(" "));
/** An option cluster holding `c` (`-c`, `-lc`, `-ec`): the next word is the command string. */
const COMMAND_STRING_OPTION = /^-[A-Za-z]*c[A-Za-z]*$/;
/** How many shells and evals deep a command string is followed (`bash -c "sh -c 'eval …'"`). */
const MAX_SHELL_DEPTH = 4;

/**
 * Every simple command a deny or ask rule is matched against: the segments of `command` (each
 * substitution standing in as one word), the same segments with leading assignments removed and, after a
 * wrapper, every tail of its words (the wrapper's options are not known here, so `5 rm -rf x` and
 * `rm -rf x` both are candidates), and, recursively, the commands inside each substitution and in the
 * string a shell's `-c` or `eval` runs (MAX_SHELL_DEPTH deep). Empty when nothing could be parsed (the
 * caller then matches the line as written).
 */
export function hiddenCommandSegments(command: string, shellDepth = 0): CommandSegment[] {
  const substitutions = substitutionsOf(command);
  const outer = substitutions.reduce((text, whole) => text.replace(whole.text, " _ "), command);
  const parsed = parseBashCommand(outer);
  const found: CommandSegment[] = [];
  if (parsed.ok)
    for (const segment of parsed.segments) {
      const candidates = [segment, ...unwrapped(segment)];
      found.push(...candidates);
      if (shellDepth >= MAX_SHELL_DEPTH) continue;
      for (const inner of candidates.flatMap(commandString))
        found.push(...hiddenCommandSegments(inner, shellDepth + 1));
    }
  for (const { body } of substitutions) found.push(...hiddenCommandSegments(body, shellDepth));
  return found;
}

/** The command line `sh -c '…'` (any shell, `-c` in any option cluster) or `eval …` runs; none otherwise. */
function commandString(segment: CommandSegment): string[] {
  const [program = "", ...args] = segment.words;
  const name = program.slice(program.lastIndexOf("/") + 1);
  if (name === "eval") return args.length > 0 ? [args.join(" ")] : [];
  if (!SHELLS.has(name)) return [];
  const option = args.findIndex((word) => COMMAND_STRING_OPTION.test(word));
  const body = option === -1 ? undefined : args[option + 1];
  return body === undefined ? [] : [body];
}

function unwrapped(segment: CommandSegment): CommandSegment[] {
  const { words } = segment;
  let start = 0;
  while (ASSIGNMENT.test(words[start] ?? "")) start++;
  const rest = words.slice(start);
  const tail = (from: number) => ({ ...segment, words: rest.slice(from) });
  if (!WRAPPERS.has(rest[0] ?? "")) return start > 0 && rest.length > 0 ? [tail(0)] : [];
  // Every suffix: one behind another wrapper or `env NAME=value` is among them, no recursion needed.
  return rest.slice(1).map((_, index) => tail(index + 1));
}

/** `$(…)` with balanced parentheses and `` `…` ``, outermost first; an unclosed one runs to the end. */
function substitutionsOf(command: string): Array<{ text: string; body: string }> {
  const found: Array<{ text: string; body: string }> = [];
  for (let index = 0; index < command.length; index++) {
    if (command.startsWith("$(", index)) {
      let depth = 0;
      let end = index + 1;
      for (; end < command.length; end++) {
        if (command[end] === "(") depth++;
        if (command[end] === ")" && --depth === 0) break;
      }
      found.push({ text: command.slice(index, end + 1), body: command.slice(index + 2, end) });
      index = end;
    } else if (command[index] === "`") {
      const close = command.indexOf("`", index + 1);
      const end = close === -1 ? command.length : close;
      found.push({ text: command.slice(index, end + 1), body: command.slice(index + 1, end) });
      index = end;
    }
  }
  return found;
}
