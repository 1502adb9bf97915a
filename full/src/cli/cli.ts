// The `lcc` entry: the only file that touches the real process (argv, env, stdio, signals, exit).
import { setFlagsFromString } from "node:v8";
import { EXIT_CODES } from "./help-text.ts";
import { readStdin } from "./read-stdin.ts";
import { runLcc } from "./run-lcc.ts";

// fetch's HTTP parser is WebAssembly; optimising it in the background costs ~200 ms and ~30 MB at
// exit of a one-shot run, and the baseline compiler parses a few responses just as well.
setFlagsFromString("--liftoff-only");

/** The longest wait, after SIGTERM or SIGHUP, for `lcc -p` to print its result before the process exits anyway. */
const STOP_GRACE_MS = 2000;
/** Set when a signal or a closed output ends the run: the exit code then reports that, whatever runLcc returns. */
let stopCode: number | undefined;
const stopping = new AbortController();
/** Set by a run that finishes by itself once stopped (-p prints its result): the exit then waits for it. */
let exitHeld = false;
/**
 * Ends the run as Ctrl-C would (its handlers abort the turn and kill the command's process group
 * synchronously), then exits: at once, or, for a run that holds the exit, when it is done (the end of
 * this file) or after STOP_GRACE_MS.
 */
function interruptAndExit(code: number, signal?: "SIGTERM" | "SIGHUP"): void {
  if (stopCode !== undefined) return;
  stopCode = code;
  process.exitCode = code;
  if (signal) stopping.abort(signal);
  process.emit("SIGINT", "SIGINT");
  if (signal && exitHeld) setTimeout(() => process.exit(code), STOP_GRACE_MS);
  else setImmediate(() => process.exit(code));
}

// A closed terminal (SIGHUP) or a kill (SIGTERM) must not orphan running commands: exit 128 + signal.
process.once("SIGTERM", () => interruptAndExit(EXIT_CODES.terminated, "SIGTERM"));
process.once("SIGHUP", () => interruptAndExit(EXIT_CODES.hangup, "SIGHUP"));
// A reader that went away (`lcc -p … --output-format stream-json | head -1`) is no crash: stop the
// same way and exit as a process killed by SIGPIPE would.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    interruptAndExit(EXIT_CODES.outputClosed);
  });
}

let code: number;
try {
  // Spelled out, not chapter-kit's processIo(): a static import of @lcc/chapter-kit here would load the SDK (and fetch's
  // WebAssembly) before --liftoff-only is set above, which costs ~150 ms per run.
  code = await runLcc({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    sigintSource: process,
    readStdin: (options) => (process.stdin.isTTY ? Promise.resolve("") : readStdin(process.stdin, options)),
    stop: {
      signal: stopping.signal,
      holdExit: () => {
        exitHeld = true;
      },
    },
  });
} catch (error) {
  // runLcc reports user and model errors itself; anything else is a bug in lcc.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`lcc: internal error: ${detail}\n`);
  code = EXIT_CODES.failure;
}
// Idle keep-alive sockets must not hold the process open once the work is done; flush stdout first.
const exitCode = stopCode ?? code;
process.exitCode = exitCode;
process.stdout.write("", () => process.exit(exitCode));
