// Start-up budget (issue 15): the first Intl call (toLocaleString, localeCompare, Intl.*) loads ICU locale
// data, 10–40 ms of lcc's start-up; chapter-kit's formatCount and compareText do the same without it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const INTL_CALL = /\.toLocale(?:Date|Time)?String\(|\.localeCompare\(|\bIntl\.[A-Z]/;
/** Files that may use Intl: the demo MCP server shows a clock in a given time zone (its own process). */
const ALLOWED = new Set(["full/src/demo/demo-mcp-server.ts"]);

/** Non-test TypeScript sources under `folder`, recursively. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** `file:line: text` for each line of code (comments skipped) that calls into Intl. */
function intlCalls(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, index) => {
        const code = line.trimStart();
        if (code.startsWith("//") || code.startsWith("*")) return [];
        return INTL_CALL.test(line) ? [`${relative(root, file)}:${index + 1}: ${code}`] : [];
      }),
  );
}

describe("lcc's code", () => {
  it("never calls Intl (formatCount and compareText instead)", () => {
    const folders = [
      "chapter-kit/src",
      "full/src",
      ...readdirSync(join(root, "chapters")).map((c) => `chapters/${c}/src`),
    ];
    const files = folders.flatMap((folder) => sources(join(root, folder)));
    expect(files.length).toBeGreaterThan(100);
    expect(intlCalls(files.filter((file) => !ALLOWED.has(relative(root, file))))).toEqual([]);
  });
});
