// Bash rules: `Bash(npm test)` exact, `Bash(npm test:*)` prefix, `Bash(git log *)` wildcard, and the
// narrowest rule a "yes always" saves for a command part. Pure.
import { type CommandSegment, segmentText } from "./bash-command.ts";
import type { PermissionRule } from "./permission-rule.ts";

/**
 * True when the rule content matches one simple command. `prefix:*` matches the prefix alone or
 * followed by a space (so `npm test:*` never matches `npm testx`); `*` elsewhere matches any text
 * (a trailing ` *` also matches the bare command); anything else must equal the command.
 */
export function matchesBashContent(content: string, segment: CommandSegment): boolean {
  const text = segmentText(segment);
  if (content.endsWith(":*")) {
    const prefix = content.slice(0, -2).trim();
    return text === prefix || text.startsWith(`${prefix} `);
  }
  if (content.includes("*")) {
    const pattern = content
      .split("*")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    if (content.endsWith(" *") && text === content.slice(0, -2).trim()) return true;
    return new RegExp(`^${pattern}$`, "s").test(text);
  }
  return text === content.trim();
}

/** Programs whose first argument is a subcommand worth its own grant (`git commit`, `npm test`). */
const SUBCOMMAND_PROGRAMS = new Set([
  "git",
  "npm",
  "pnpm",
  "yarn",
  "bun",
  "npx",
  "cargo",
  "go",
  "docker",
  "kubectl",
  "make",
  "pip",
  "uv",
  "deno",
  "gh",
]);

/**
 * The narrowest useful rule for one command part: `Bash(npm test:*)` (or `Bash(npm run build:*)`) for
 * programs with subcommands, else the exact command (`rm -rf x` never becomes `rm:*`).
 */
export function suggestBashRule(segment: CommandSegment): PermissionRule {
  const [program, first, second] = segment.words;
  if (
    program &&
    first &&
    SUBCOMMAND_PROGRAMS.has(program) &&
    /^[\w:.-]+$/.test(first) &&
    !first.startsWith("-")
  ) {
    const words =
      (first === "run" || first === "exec") && second && !second.startsWith("-")
        ? [program, first, second]
        : [program, first];
    return { tool: "Bash", content: `${words.join(" ")}:*` };
  }
  return { tool: "Bash", content: segmentText(segment) };
}
