// One MCP server entry of a config file (`"everything": { "command": "npx", … }`), checked with zod and
// its `${VAR}`s expanded, as a ConfiguredServer: ready to start, or carrying the reason it cannot.
import { createHash } from "node:crypto";
import { z } from "zod";
import { expandServerVariables, type VariableSource } from "./expand-variables.ts";

/** How to reach a server: a child process over stdio, or a Streamable HTTP endpoint. */
export type McpServerConfig =
  | { type: "stdio"; command: string; args: string[]; env: Record<string, string>; cwd?: string }
  | { type: "http"; url: string; headers: Record<string, string> };

/** Where an entry was configured: `--mcp-config`, ~/.claude.json (local, user), .mcp.json, or a plugin. */
export type ServerScope = "project" | "user" | "local" | "plugin" | "flag";

export interface ConfiguredServer {
  /** As written in the file ("everything"). */
  name: string;
  scope: ServerScope;
  /** The file the entry came from (display path), or "--mcp-config <arg>". */
  source: string;
  /** Absent when `problem` is set. */
  config?: McpServerConfig;
  /** Why it cannot start ("missing environment variable GITHUB_TOKEN", a bad field…). */
  problem?: string;
  /** sha256 (hex) of the canonical JSON of the expanded config (of the raw entry when it has a problem). */
  fingerprint: string;
  /**
   * True when a file inside the workspace supplied the entry (`.mcp.json`, a plugin under
   * `<workspace>/.lcc/plugins/`): such servers run only once the user approved them. Absent means false.
   */
  fromWorkspace?: boolean;
}

/** Where an entry was found, and what its `${VAR}`s expand from. */
export interface EntryOrigin {
  scope: ServerScope;
  source: string;
  /** Variables for `${VAR}` (a plugin adds CLAUDE_PLUGIN_ROOT). */
  variables: VariableSource;
  fromWorkspace?: boolean;
}

const stringMap = z.record(z.string(), z.string());

const stdioEntry = z.object({
  type: z.literal("stdio").optional(),
  command: z.string().min(1, "must not be empty"),
  args: z.array(z.string()).default([]),
  env: stringMap.default({}),
  cwd: z.string().min(1).optional(),
});

const httpEntry = z.object({
  type: z.enum(["http", "streamable-http"]),
  url: z.string().min(1, "must not be empty"),
  headers: stringMap.default({}),
});

/**
 * The entry `name: raw` as a ConfiguredServer. Never throws: a missing `command`/`url`, a field of the
 * wrong type, an unsupported transport (`sse`), an empty name or a `${VAR}` with no value and no default
 * becomes `problem`. `"type"` absent means stdio; `"streamable-http"` is read as `"http"`.
 */
export function parseServerEntry(name: string, raw: unknown, origin: EntryOrigin): ConfiguredServer {
  const base = {
    name,
    scope: origin.scope,
    source: origin.source,
    ...(origin.fromWorkspace ? { fromWorkspace: true } : {}),
  };
  const parsed = checkEntry(name, raw);
  if ("problem" in parsed) return { ...base, problem: parsed.problem, fingerprint: fingerprintOf(raw) };
  // A workspace's file never reads lcc's own credentials: approving its server must not hand it the key.
  const variables = origin.fromWorkspace ? withoutCredentials(origin.variables) : origin.variables;
  const expanded = expandServerVariables(parsed.config, variables);
  const withheld = expanded.missing.filter((variable) => HARNESS_CREDENTIALS.includes(variable));
  if (withheld.length > 0)
    return {
      ...base,
      problem: `refers to ${withheld.join(", ")}, lcc's own credential: a server the workspace configures never gets it`,
      fingerprint: fingerprintOf(raw),
    };
  if (expanded.missing.length > 0) {
    const plural = expanded.missing.length > 1 ? "s" : "";
    return {
      ...base,
      problem: `missing environment variable${plural} ${expanded.missing.join(", ")}`,
      fingerprint: fingerprintOf(raw),
    };
  }
  const urlProblem = expanded.config.type === "http" ? checkUrl(expanded.config.url) : undefined;
  if (urlProblem) return { ...base, problem: urlProblem, fingerprint: fingerprintOf(raw) };
  return { ...base, config: expanded.config, fingerprint: fingerprintOf(expanded.config) };
}

/** The harness's own credentials: never expanded into a server a workspace file configures. */
export const HARNESS_CREDENTIALS: readonly string[] = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"];

function withoutCredentials(variables: VariableSource): VariableSource {
  return Object.fromEntries(
    Object.entries(variables).filter(([name]) => !HARNESS_CREDENTIALS.includes(name)),
  );
}

/** sha256 hex of `value` as canonical JSON (object keys sorted at every depth). */
export function fingerprintOf(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/** JSON with object keys sorted at every depth, so equal configs give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

type Checked = { config: McpServerConfig } | { problem: string };

function checkEntry(name: string, raw: unknown): Checked {
  if (name.length === 0) return { problem: "the server name is empty" };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return { problem: "the entry must be an object with a command or a url" };
  const type: unknown = (raw as { type?: unknown }).type;
  if (type === "sse" || type === "sse-ide")
    return { problem: 'SSE transport is not supported (use "type": "http" for Streamable HTTP)' };
  if (type === undefined || type === "stdio") {
    if (!("command" in raw) && "url" in raw) return { problem: 'a server with a "url" needs "type": "http"' };
    const result = stdioEntry.safeParse(raw);
    if (!result.success) return { problem: describeIssues(result.error) };
    const { command, args, env, cwd } = result.data;
    return { config: { type: "stdio", command, args, env, ...(cwd === undefined ? {} : { cwd }) } };
  }
  if (type === "http" || type === "streamable-http") {
    const result = httpEntry.safeParse(raw);
    if (!result.success) return { problem: describeIssues(result.error) };
    return { config: { type: "http", url: result.data.url, headers: result.data.headers } };
  }
  return { problem: `unsupported "type": ${JSON.stringify(type)} (use "stdio" or "http")` };
}

/** `"args.1": expected string, received number; "command": required` */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join(".");
      const message = issue.message.replace(/^Invalid input: /, "");
      return `${JSON.stringify(field)}: ${/^expected \w+, received undefined$/.test(message) ? "required" : message}`;
    })
    .join("; ");
}

function checkUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"url" is not a URL: ${url}`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return `"url" must be http or https: ${url}`;
  return undefined;
}

/** What a config file yields: its servers, and problems with the file itself. */
export interface ServerList {
  servers: ConfiguredServer[];
  problems: string[];
}

/**
 * Every entry of an `mcpServers` map, in file order. A map that is not a JSON object is one problem
 * (`"mcpServers" in <source> must be an object`); a bad entry is a server with `problem`. Never throws.
 */
export function parseServerMap(map: unknown, origin: EntryOrigin): ServerList {
  if (!isPlainObject(map))
    return { servers: [], problems: [`"mcpServers" in ${origin.source} must be an object of servers`] };
  const servers = Object.entries(map).map(([name, raw]) => parseServerEntry(name, raw, origin));
  return { servers, problems: [] };
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
