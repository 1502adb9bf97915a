// `pnpm trace <file> [--full]`: shows a trace written with LCC_TRACE=<file> (or `lcc --trace <file>`)
// step by step in the terminal. Bad lines are named on stderr and the rest is still shown.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseTrace } from "../chapter-kit/src/trace/parse-trace.ts";
import { PREVIEW_CHARS, shouldUseColor } from "./trace-text.ts";
import { renderTrace } from "./trace-view.ts";

const USAGE = `usage: pnpm trace <file.jsonl> [--full]
Shows a trace written with LCC_TRACE=<file> (or lcc --trace <file>) step by step: each request with the
messages it adds, the reply, tokens and cache use, tool runs, and totals.
  --full   show texts whole instead of cutting them after ${PREVIEW_CHARS} characters`;

/** What the viewer writes to and reads from; the process's own by default. */
interface TraceCliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the viewer and returns the exit code: 0 when every line was shown, 1 when the file could not be
 * read or some lines were skipped (each named on stderr), 2 for a usage error.
 */
export function runTraceCli(args: string[], io: TraceCliIo): number {
  const flags = args.filter((arg) => arg.startsWith("-"));
  const files = args.filter((arg) => !arg.startsWith("-"));
  if (flags.includes("--help") || flags.includes("-h")) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = flags.find((flag) => flag !== "--full");
  if (unknown !== undefined || files.length !== 1) {
    io.stderr.write(`${unknown === undefined ? "" : `trace: unknown option ${unknown}\n`}${USAGE}\n`);
    return 2;
  }
  // pnpm runs root scripts in the repository root; a relative path means the caller's directory.
  const path = resolve(io.env.INIT_CWD ?? process.cwd(), files[0] ?? "");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    io.stderr.write(
      `trace: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const { records, problems } = parseTrace(text);
  for (const problem of problems)
    io.stderr.write(`trace: ${path}: line ${problem.line}: ${problem.message}\n`);
  const lines = renderTrace(records, {
    color: shouldUseColor(io.stdout, io.env),
    maxChars: flags.includes("--full") ? Number.POSITIVE_INFINITY : PREVIEW_CHARS,
  });
  io.stdout.write(`${lines.join("\n")}\n`);
  return problems.length > 0 ? 1 : 0;
}

// Piped into `head`, the reader may go away first; that is not an error worth a stack trace.
process.stdout.on("error", () => process.exit(0));
process.exitCode = runTraceCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
