// `/tools`: the router table for the user — every tool of the session with its source, whether the request lists
// it, its traits — and the pipeline every call passes; `/tools <name>` one tool with why it is deferred.
import type { SlashCommand, Tool } from "@lcc/s02";
import { describePipeline } from "./pipeline-phases.ts";
import type { RouterEntry, ToolRouter, ToolTraitFlags } from "./tool-router.ts";
import { sourceLabel } from "./tool-sources.ts";

/** Whether the setup's late tools (s19's MCP tools) are in the registry yet. */
export type LateToolsState = "none" | "pending" | "loaded";

/** The traits of an entry as /tools prints them ("read-only · concurrency-safe"), "—" for none. */
export function describeTraits(traits: ToolTraitFlags, forwards = false): string {
  const words = [
    traits.readOnly ? "read-only" : "",
    traits.concurrencySafe ? "concurrency-safe" : "",
    traits.destructive ? "destructive" : "",
    traits.parentOnly ? "parent-only" : "",
    forwards ? "forwards to its target" : "",
  ].filter(Boolean);
  return words.length === 0 ? "—" : words.join(" · ");
}

/** The whole /tools text: pipeline, dispatch rule, counts, then one aligned row per tool. Pure. */
export function describeRouterTable(
  entries: readonly RouterEntry[],
  router: Pick<ToolRouter, "maxConcurrency">,
  late: LateToolsState = "none",
): string {
  const deferred = entries.filter((entry) => !entry.listed).length;
  const rows = entries.map((entry) => [
    entry.name,
    sourceLabel(entry.source),
    entry.listed ? "listed" : "deferred",
    describeTraits(entry.traits, entry.forwards),
  ]);
  const header = ["tool", "source", "request", "traits"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ");
  return [
    `Every call: ${describePipeline()}`,
    `A round's read-only, concurrency-safe calls run together (at most ${router.maxConcurrency} at once); any other call runs alone, in order.`,
    `${entries.length} tools: ${entries.length - deferred} listed, ${deferred} deferred (tool_search finds them, use_tool calls them)`,
    ...(late === "pending"
      ? [
          "Not in the table yet: tool_search, use_tool and the MCP servers' tools join with the first request.",
        ]
      : []),
    "",
    line(header),
    ...rows.map(line),
  ].join("\n");
}

/** One tool in full: source, request, traits, why it is deferred, the first line of its description. */
export function describeRouterEntry(entry: RouterEntry, tool: Tool | undefined): string {
  const why = entry.deferReason ? ` (${entry.deferReason})` : "";
  return [
    `${entry.name} · ${sourceLabel(entry.source)}`,
    `request: ${entry.listed ? "listed" : `deferred${why}`}`,
    `traits: ${describeTraits(entry.traits, entry.forwards)}`,
    ...(tool ? [`description: ${tool.description.split("\n")[0]}`] : []),
  ].join("\n");
}

/** The /tools command over the session's registry (read when run, so MCP tools are there once loaded). */
export function createToolsCommand(router: ToolRouter, lateTools: () => LateToolsState): SlashCommand {
  return {
    name: "tools",
    usage: "/tools [name]",
    summary: "every tool: source, listed or deferred, traits; the pipeline; /tools <name> for one",
    run(args, { session, write }) {
      const tools = session.resolved.registry.list();
      const entries = router.table(tools);
      const name = args.trim();
      if (!name) return write(`${describeRouterTable(entries, router, lateTools())}\n`);
      const entry = entries.find((candidate) => candidate.name === name);
      if (!entry) return write(`No tool named "${name}". /tools lists them all.\n`);
      write(`${describeRouterEntry(entry, session.resolved.registry.get(name))}\n`);
    },
  };
}
