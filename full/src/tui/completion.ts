// The prompt's completion: `/` at the start of the message lists the slash commands with their summaries,
// `@` at the start of a word lists the workspace's files and folders (fuzzy), for pi-tui's Editor.
import { type AutocompleteItem, type AutocompleteProvider, fuzzyMatch } from "@mariozechner/pi-tui";
import { createWorkspaceFileCache } from "./workspace-files.ts";

/** What the slash list shows of a command (s02's `SlashCommand` fits). */
export interface CommandInfo {
  /** Without the slash: "compact". */
  name: string;
  summary: string;
  /** How to type it, e.g. "/compact [focus]"; shown instead of the bare name when given. */
  usage?: string;
}

/** Options of {@link createCompletionProvider}. */
export interface CompletionOptions {
  /** Asked each time the list opens, so commands added later show up. */
  commands: () => CommandInfo[];
  workspace: string;
  /** The workspace's paths relative to it, folders ending in "/"; default a 5 s cache of listWorkspaceFiles. */
  listFiles?: (signal: AbortSignal) => Promise<string[]>;
}

/** Suggestions shown at most for one `@` query. */
export const FILE_SUGGESTIONS_LIMIT = 50;

/** `@` or `@"` at the start of a word, up to the cursor: the mention being typed. */
const MENTION_BEFORE_CURSOR = /(?:^|\s)(@"[^"]*|@[^\s"]*)$/;

/**
 * The provider for `Editor.setAutocompleteProvider`. `getSuggestions` never rejects (an aborted or failed
 * listing means no suggestions). A command completes to "/name " (Enter then submits it, as the Editor
 * does for slash items); a file to "@path " and a folder to "@folder/" (completion goes on inside it);
 * paths with spaces are quoted: `@"my notes.md" `. "me@host" is not a mention.
 */
export function createCompletionProvider(options: CompletionOptions): AutocompleteProvider {
  const listFiles = options.listFiles ?? createWorkspaceFileCache(options.workspace);
  return {
    async getSuggestions(lines, cursorLine, cursorCol, { signal }) {
      const before = (lines[cursorLine] ?? "").slice(0, cursorCol);
      if (cursorLine === 0 && /^\/[\w-]*$/.test(before)) {
        const items = commandItems(options.commands(), before.slice(1));
        return items.length > 0 ? { items, prefix: before } : null;
      }
      const mention = MENTION_BEFORE_CURSOR.exec(before)?.[1];
      if (mention === undefined) return null;
      let paths: string[];
      try {
        paths = await listFiles(signal);
      } catch {
        return null;
      }
      const query = mention.startsWith('@"') ? mention.slice(2) : mention.slice(1);
      const items = fileItems(paths, query);
      return items.length > 0 ? { items, prefix: mention } : null;
    },

    applyCompletion(lines, cursorLine, cursorCol, item, prefix) {
      const line = lines[cursorLine] ?? "";
      const start = cursorCol - prefix.length;
      let after = line.slice(cursorCol);
      // A quoted mention typed with its closing quote already there: ours replaces it.
      if (prefix.startsWith('@"') && item.value.endsWith('"') && after.startsWith('"'))
        after = after.slice(1);
      const isFolder = item.label.endsWith("/");
      const inserted = prefix.startsWith("/") || !isFolder ? `${item.value} ` : item.value;
      const next = [...lines];
      next[cursorLine] = line.slice(0, start) + inserted + after;
      // Inside a quoted folder the cursor stays before the closing quote, ready for the rest of the path.
      const cursorOffset = isFolder && inserted.endsWith('"') ? inserted.length - 1 : inserted.length;
      return { lines: next, cursorLine, cursorCol: start + cursorOffset };
    },

    shouldTriggerFileCompletion(lines, cursorLine, cursorCol) {
      return MENTION_BEFORE_CURSOR.test((lines[cursorLine] ?? "").slice(0, cursorCol));
    },
  };
}

/** Commands whose name starts with the query, in their order, then the fuzzy matches, best first. */
function commandItems(commands: CommandInfo[], query: string): AutocompleteItem[] {
  const lowered = query.toLowerCase();
  const starting = commands.filter((command) => command.name.toLowerCase().startsWith(lowered));
  const fuzzy = commands
    .filter((command) => !starting.includes(command))
    .map((command) => ({ command, match: fuzzyMatch(query, command.name) }))
    .filter((entry) => entry.match.matches)
    .sort((left, right) => left.match.score - right.match.score)
    .map((entry) => entry.command);
  return [...starting, ...fuzzy].map((command) => ({
    value: `/${command.name}`,
    label: command.usage?.startsWith(`/${command.name}`) ? command.usage : `/${command.name}`,
    description: command.summary,
  }));
}

/**
 * Paths matching the query, best first: fuzzy over the whole path, a name that starts with the query
 * before others, shorter paths first on ties. An empty query lists the workspace's top level.
 */
function fileItems(paths: string[], query: string): AutocompleteItem[] {
  let chosen: string[];
  if (query === "") {
    chosen = paths.filter((path) => !path.slice(0, -1).includes("/"));
  } else {
    const lowered = query.toLowerCase();
    chosen = paths
      .map((path) => ({ path, match: fuzzyMatch(query, path) }))
      .filter((entry) => entry.match.matches)
      .map((entry) => ({ path: entry.path, score: entry.match.score - nameBonus(entry.path, lowered) }))
      .sort((left, right) => left.score - right.score || left.path.length - right.path.length)
      .map((entry) => entry.path);
  }
  return chosen.slice(0, FILE_SUGGESTIONS_LIMIT).map((path) => ({
    value: /\s/.test(path) ? `@"${path}"` : `@${path}`,
    label: path,
  }));
}

function nameBonus(path: string, loweredQuery: string): number {
  const lowered = path.toLowerCase();
  const name = lowered.endsWith("/") ? lowered.slice(0, -1) : lowered;
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (base.startsWith(loweredQuery)) return 50;
  if (lowered.startsWith(loweredQuery)) return 30;
  return 0;
}
