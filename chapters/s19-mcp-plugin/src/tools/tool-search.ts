// tool_search and use_tool: how the model reaches tools left out of the request (deferred). tool_search finds
// them by keyword and returns their full definitions; use_tool forwards a call to one, so it runs under its own
// name (its permission rules and hooks apply). Generic over a catalogue read at call time.
import { compareText } from "@lcc/chapter-kit";
import { defineTool, type Tool, ToolError, toApiTool } from "@lcc/s02";
import { z } from "zod";

/** Matches tool_search returns when the model gives no limit, and the most it may ask for. */
export const DEFAULT_SEARCH_LIMIT = 5;
export const MAX_SEARCH_LIMIT = 20;

export interface ToolSearchOptions {
  /**
   * The tools tool_search finds and use_tool calls, read at every call (an MCP server that connected after
   * the first request is found too). Must not throw.
   */
  catalogue: () => readonly Tool[];
  /** More of tool_search's description (which tools exist, which servers are still connecting); called once. */
  describe?: () => string;
}

/** What tool_search found: the names, best first, and how many tools it searched. */
export interface ToolSearchDetails {
  query: string;
  matches: string[];
  searched: number;
}

const searchInput = z.object({
  query: z
    .string()
    .describe(
      'Keywords matched against tool names and descriptions ("echo", "github issue"); "" lists every name.',
    ),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_LIMIT)
    .optional()
    .describe(`Default ${DEFAULT_SEARCH_LIMIT}.`),
});

const useInput = z.object({
  name: z.string().describe("The full tool name tool_search returned (mcp__server__tool)."),
  input: z
    .record(z.string(), z.unknown())
    .default({})
    .describe("The tool's input, as its input schema says."),
});

/** The lower-case words of a query or a name (`mcp__everything__get-tiny-image` → mcp, everything, get, tiny, image). */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * How well `tool` matches the query words: the exact full name beats everything, then 3 per word in its name,
 * 1 per word only in its description; 0 when a word matches nowhere. Pure.
 */
export function scoreTool(tool: Pick<Tool, "name" | "description">, query: string): number {
  if (tool.name.toLowerCase() === query.trim().toLowerCase()) return Number.MAX_SAFE_INTEGER;
  const name = tool.name.toLowerCase();
  const description = tool.description.toLowerCase();
  let score = 0;
  for (const word of wordsOf(query)) {
    if (name.includes(word)) score += 3;
    else if (description.includes(word)) score += 1;
    else return 0;
  }
  return score;
}

/** The tools matching `query`, best first (ties by name); every tool for an empty query. Pure. */
export function searchTools(tools: readonly Tool[], query: string): Tool[] {
  if (wordsOf(query).length === 0) return [...tools].sort((a, b) => compareText(a.name, b.name));
  return tools
    .map((tool) => ({ tool, score: scoreTool(tool, query) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || compareText(a.tool.name, b.tool.name))
    .map((entry) => entry.tool);
}

/** One found tool as the model reads it: name, description, input schema (JSON), as the request would list it. */
function describeFound(tool: Tool): string {
  const api = toApiTool(tool);
  return [`## ${api.name}`, api.description ?? "", `input schema: ${JSON.stringify(api.input_schema)}`].join(
    "\n",
  );
}

/**
 * `tool_search {query, limit?}` (read-only, concurrency-safe) and `use_tool {name, input}` over `catalogue`.
 * use_tool never runs itself: the pipeline's routeCall runs the named catalogue tool with `input` under that
 * tool's name and the same tool_use id. A name outside the catalogue is refused with what to do instead.
 */
export function createToolSearchTools(options: ToolSearchOptions): [Tool, Tool] {
  const more = options.describe?.() ?? "";
  const search = defineTool({
    name: "tool_search",
    description: [
      "Finds tools that are not listed in your tools but can be called through use_tool. Returns each match's",
      "full name, description and input schema; an empty query lists every name. Search before calling.",
      ...(more ? [more] : []),
    ].join("\n"),
    input: searchInput,
    readOnly: true,
    concurrencySafe: true,
    summarizeInput: (input) => `"${(input as { query?: string }).query ?? ""}"`,
    async run({ query, limit = DEFAULT_SEARCH_LIMIT }) {
      const tools = options.catalogue();
      const found = searchTools(tools, query);
      const details = (matches: Tool[]): ToolSearchDetails => ({
        query,
        matches: matches.map((tool) => tool.name),
        searched: tools.length,
      });
      if (tools.length === 0) return { content: "No tools to search yet.", details: details([]) };
      if (wordsOf(query).length === 0)
        return {
          content: `${tools.length} tools (tool_search a name for its input schema):\n${found.map((tool) => tool.name).join("\n")}`,
          details: details(found),
        };
      if (found.length === 0)
        return {
          content: `No tool matches "${query}". Try fewer or other words, or an empty query for every name.`,
          details: details([]),
        };
      const shown = found.slice(0, limit);
      const rest = found.length - shown.length;
      const tail = rest > 0 ? [`(${rest} more match; raise limit or narrow the query)`] : [];
      const call = 'Call one with use_tool {"name": <full name>, "input": {…}}.';
      return {
        content: [...shown.map(describeFound), ...tail, call].join("\n\n"),
        details: details(shown),
      };
    },
  });
  const use = defineTool({
    name: "use_tool",
    description: [
      "Calls a tool tool_search found, by its full name, with its input. The call is checked and runs exactly",
      "as if you had called that tool directly (its permission rules apply). Search first to learn the input schema.",
    ].join("\n"),
    input: useInput,
    summarizeInput: (input) => String((input as { name?: unknown }).name ?? ""),
    forward(input) {
      const { name, input: inner } = input as z.infer<typeof useInput>;
      const target = options.catalogue().find((tool) => tool.name === name);
      if (target) return { tool: target, input: inner };
      return `No tool named "${name}" can be called through use_tool. Find the name with tool_search; a tool in your tool list is called directly.`;
    },
    async run() {
      throw new ToolError("use_tool only forwards a call to the tool it names.");
    },
  });
  return [search, use];
}
