// `--mcp-config` values as lcc hands them to s19: file paths made absolute against the directory lcc was
// run from (not --cwd, as a shell user expects), inline JSON verbatim; and a bad value found before start.
import { resolve } from "node:path";

/** True for an inline config (`{"mcpServers":…}`), as s19's loader tells them apart. */
export function isInlineMcpConfig(value: string): boolean {
  return value.trim().startsWith("{");
}

/** Each value as s19 reads it: inline JSON unchanged, a file path absolute against `cwd`. */
export function resolveMcpConfigArgs(values: readonly string[], cwd: string): string[] {
  return values.map((value) => (isInlineMcpConfig(value) ? value : resolve(cwd, value)));
}

/**
 * What is wrong with the `--mcp-config` values themselves (a missing file, JSON that does not parse, no
 * `mcpServers`), read with s19's loader; a server entry's own problem is not here (it shows in /mcp).
 * Empty when every value is usable. Never throws.
 */
export async function mcpConfigArgProblems(
  values: readonly string[],
  options: { workspace: string; home: string; env: Record<string, string | undefined> },
): Promise<string[]> {
  if (values.length === 0) return [];
  const { loadMcpConfig } = await import("@lcc/s19");
  const { problems } = await loadMcpConfig({ ...options, mcpConfig: values, strict: true });
  return problems.filter((problem) => problem.startsWith("--mcp-config"));
}
