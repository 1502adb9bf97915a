// `pnpm trace <file> [--full]`: shows a trace written with LCC_TRACE=<file> (or `lcc --trace <file>`)
// step by step in the terminal; `--html [-o <out.html>]` writes it as one self-contained page instead.
// Bad lines are named on stderr and the rest is still shown.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { parseTrace } from "../chapter-kit/src/trace/parse-trace.ts";
import { renderTraceHtml } from "./trace-html/render-trace-html.ts";
import { PREVIEW_CHARS, shouldUseColor } from "./trace-text.ts";
import { renderTrace } from "./trace-view.ts";

const USAGE = `usage: pnpm trace <file.jsonl> [--full]
       pnpm trace --html <file.jsonl> [-o <out.html>]
Shows a trace written with LCC_TRACE=<file> (or lcc --trace <file>) step by step: each request with the
messages it adds, the reply, tokens and cache use, tool runs, and totals.
  --full   show texts whole instead of cutting them after ${PREVIEW_CHARS} characters
  --html   write the trace as one HTML page (no server, no network; open it in a browser), beside the
           file as <name>.html unless -o names the output; prints the page's path`;

/** What the viewer writes to and reads from; the process's own by default. */
interface TraceCliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** The command line, read. */
interface TraceArgs {
  files: string[];
  full: boolean;
  html: boolean;
  output?: string;
  help: boolean;
}

/**
 * Runs the viewer and returns the exit code: 0 when every line was shown, 1 when the file could not be
 * read (or the page not written) or some lines were skipped (each named on stderr), 2 for a usage error.
 */
export function runTraceCli(args: string[], io: TraceCliIo): number {
  const parsed = parseArgs(args);
  if (typeof parsed !== "string" && parsed.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (typeof parsed === "string" || parsed.files.length !== 1) {
    io.stderr.write(`${typeof parsed === "string" ? `trace: ${parsed}\n` : ""}${USAGE}\n`);
    return 2;
  }
  // pnpm runs root scripts in the repository root; a relative path means the caller's directory.
  const callerDir = io.env.INIT_CWD ?? process.cwd();
  const path = resolve(callerDir, parsed.files[0] ?? "");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    io.stderr.write(`trace: cannot read ${path}: ${messageOf(error)}\n`);
    return 1;
  }
  const { records, problems } = parseTrace(text);
  for (const problem of problems)
    io.stderr.write(`trace: ${path}: line ${problem.line}: ${problem.message}\n`);
  if (parsed.html) {
    const output = parsed.output === undefined ? htmlPathBeside(path) : resolve(callerDir, parsed.output);
    try {
      writeFileSync(output, renderTraceHtml(records, { title: `trace · ${basename(path)}` }));
    } catch (error) {
      io.stderr.write(`trace: cannot write ${output}: ${messageOf(error)}\n`);
      return 1;
    }
    io.stdout.write(`${output}\n`);
    return problems.length > 0 ? 1 : 0;
  }
  const lines = renderTrace(records, {
    color: shouldUseColor(io.stdout, io.env),
    maxChars: parsed.full ? Number.POSITIVE_INFINITY : PREVIEW_CHARS,
  });
  io.stdout.write(`${lines.join("\n")}\n`);
  return problems.length > 0 ? 1 : 0;
}

/** The options and files, or what is wrong with them. */
function parseArgs(args: string[]): TraceArgs | string {
  const parsed: TraceArgs = { files: [], full: false, html: false, help: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    if (arg === "--help" || arg === "-h") parsed.help = true;
    else if (arg === "--full") parsed.full = true;
    else if (arg === "--html") parsed.html = true;
    else if (arg === "-o" || arg === "--output") {
      const output = args[index + 1];
      if (output === undefined || output.startsWith("-")) return `${arg} needs a file name`;
      parsed.output = output;
      index += 1;
    } else if (arg.startsWith("-")) return `unknown option ${arg}`;
    else parsed.files.push(arg);
  }
  if (parsed.output !== undefined && !parsed.html) return "-o goes with --html";
  return parsed;
}

/** `dir/name.jsonl` → `dir/name.html` (any other name gets `.html` added). */
function htmlPathBeside(path: string): string {
  const extension = extname(path);
  const name = extension === ".jsonl" ? basename(path, extension) : basename(path);
  return join(dirname(path), `${name}.html`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Piped into `head`, the reader may go away first; that is not an error worth a stack trace.
process.stdout.on("error", () => process.exit(0));
process.exitCode = runTraceCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
