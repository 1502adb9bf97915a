// `${VAR}` and `${VAR:-default}` in an MCP server entry, as Claude Code expands them: in the command,
// args, env values, url and header values only. A variable with no value and no default is reported.
import type { McpServerConfig } from "./server-config.ts";

/** Where variable values come from (usually `process.env`, plus CLAUDE_PLUGIN_ROOT for a plugin). */
export type VariableSource = Readonly<Record<string, string | undefined>>;

const REFERENCE = /\$\{([^}]+)\}/g;

/**
 * `text` with each `${NAME}` replaced by its value and each `${NAME:-default}` by its value or, when the
 * variable is unset, the default (an empty value counts as set, as in Claude Code). An unset variable
 * without a default stays as written and its name is listed in `missing`. Nothing else is expanded.
 */
export function expandVariables(
  text: string,
  variables: VariableSource,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const expanded = text.replace(REFERENCE, (reference, inside: string) => {
    const split = inside.indexOf(":-");
    const name = split === -1 ? inside : inside.slice(0, split);
    const value = variables[name];
    if (value !== undefined) return value;
    if (split !== -1) return inside.slice(split + 2);
    missing.push(name);
    return reference;
  });
  return { text: expanded, missing };
}

/**
 * `config` with its command, args, env values (stdio) or url and header values (http) expanded; the
 * names of variables that had no value, each once. Keys, `cwd` and `type` are never expanded.
 */
export function expandServerVariables(
  config: McpServerConfig,
  variables: VariableSource,
): { config: McpServerConfig; missing: string[] } {
  const missing = new Set<string>();
  const expand = (text: string): string => {
    const result = expandVariables(text, variables);
    for (const name of result.missing) missing.add(name);
    return result.text;
  };
  const expandValues = (map: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(map).map(([key, value]) => [key, expand(value)]));
  const expanded: McpServerConfig =
    config.type === "stdio"
      ? {
          ...config,
          command: expand(config.command),
          args: config.args.map(expand),
          env: expandValues(config.env),
        }
      : { ...config, url: expand(config.url), headers: expandValues(config.headers) };
  return { config: expanded, missing: [...missing] };
}
