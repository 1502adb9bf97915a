// Custom agent types from `.claude/agents/*.md`: YAML frontmatter (name, description, tools, model)
// parsed with a real YAML parser, and the Markdown body as the child's system prompt.
import { readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { readConfigFileSync } from "@lcc/chapter-kit";
import { isInside } from "@lcc/s02";
import { z } from "zod";
import { type AgentType, BUILT_IN_AGENT_TYPES } from "./agent-types.ts";
import { parseFrontmatter } from "./frontmatter.ts";

/** Where custom agent types live, relative to the workspace (Claude Code's project location). */
export const AGENTS_DIRECTORY = join(".claude", "agents");

/** Model values that mean "the parent's model": Claude Code's `inherit` and its family aliases. */
export const INHERITED_MODEL_VALUES: readonly string[] = ["inherit", "sonnet", "opus", "haiku"];

const frontmatterSchema = z.looseObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "use letters, digits, - and _ (at most 64 characters)"),
  description: z.string().trim().min(1, "must not be empty"),
  tools: z.union([z.string(), z.array(z.string())]).optional(),
  model: z.string().trim().optional(),
});

export type AgentFileParse = { ok: true; type: AgentType } | { ok: false; problem: string };

/**
 * Parses one agent file. `tools` may be a comma list ("read_file, bash") or a YAML list; leaving it
 * out means every tool a general subagent gets. Pure, never throws: any defect becomes a problem
 * a person can act on.
 */
export function parseAgentFile(text: string, source: string): AgentFileParse {
  const parsed = parseFrontmatter(text, frontmatterSchema);
  if (!parsed.ok) return parsed;
  const systemPrompt = parsed.body;
  if (!systemPrompt)
    return {
      ok: false,
      problem: "the body is empty; write the subagent's system prompt below the frontmatter",
    };
  const { name, description, tools, model } = parsed.data;
  const type: AgentType = {
    name,
    description,
    systemPrompt,
    tools: tools === undefined ? { kind: "all" } : { kind: "named", names: toolNames(tools) },
    source,
  };
  if (model && !INHERITED_MODEL_VALUES.includes(model)) type.model = model;
  return { ok: true, type };
}

function toolNames(tools: string | string[]): string[] {
  const list = typeof tools === "string" ? tools.split(",") : tools;
  return [...new Set(list.map((name) => name.trim()).filter(Boolean))];
}

export interface LoadedAgentTypes {
  /** Built-ins first, then custom types in file-name order; a custom type replaces a built-in of the same name. */
  types: AgentType[];
  /** One line per file that could not be used: "<path>: <problem>". */
  problems: string[];
}

/**
 * Reads the built-in types and `<workspace>/.claude/agents/*.md`. Synchronous because it runs once
 * while the agent is set up (the tool list must be fixed before the first request). Never throws:
 * a missing folder means no custom types; an unreadable or invalid file, or one that is not a regular
 * file of at most 1 MB (a FIFO, a device, a huge file), is reported and skipped.
 */
export function loadAgentTypes(workspace: string): LoadedAgentTypes {
  const byName = new Map(BUILT_IN_AGENT_TYPES.map((type) => [type.name, type]));
  const problems: string[] = [];
  const directory = join(workspace, AGENTS_DIRECTORY);
  let files: string[] = [];
  try {
    files = readdirSync(directory)
      .filter((file) => file.endsWith(".md"))
      .sort();
  } catch {
    return { types: [...byName.values()], problems };
  }
  const customNames = new Set<string>();
  for (const file of files) {
    const path = join(AGENTS_DIRECTORY, file);
    // Only a regular file of at most 1 MB inside the workspace: a FIFO or a link to /dev/zero must not
    // hang start-up, and a link out of the workspace must not bring a foreign system prompt in.
    const outside = outsideWorkspace(workspace, join(directory, file));
    if (outside) {
      problems.push(`${path}: resolves to ${outside}, outside the workspace; skipped`);
      continue;
    }
    const read = readConfigFileSync(join(directory, file));
    if (!read.ok) {
      problems.push(`${path}: ${read.reason}; skipped`);
      continue;
    }
    const parsed = parseAgentFile(read.text, path);
    if (!parsed.ok) {
      problems.push(`${path}: ${parsed.problem}; skipped`);
      continue;
    }
    if (customNames.has(parsed.type.name)) {
      problems.push(`${path}: another file already defines "${parsed.type.name}"; skipped`);
      continue;
    }
    customNames.add(parsed.type.name);
    byName.set(parsed.type.name, parsed.type);
  }
  return { types: [...byName.values()], problems };
}

/** The real path of `path` when it lies outside the workspace's real path; undefined when inside or missing. */
function outsideWorkspace(workspace: string, path: string): string | undefined {
  try {
    const real = realpathSync(path);
    return isInside(realpathSync(workspace), real) ? undefined : real;
  } catch {
    return undefined;
  }
}
