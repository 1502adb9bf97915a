// The `lcc` entry: the only file that touches the real process (argv, env, stdio, signals, exit).
import { setFlagsFromString } from "node:v8";
import { readStdin } from "./read-stdin.ts";
import { runLcc } from "./run-lcc.ts";

// fetch's HTTP parser is WebAssembly; optimising it in the background costs ~200 ms and ~30 MB at
// exit of a one-shot run, and the baseline compiler parses a few responses just as well.
setFlagsFromString("--liftoff-only");

// A closed terminal (SIGHUP) or a kill (SIGTERM) must not orphan running commands: treat it as Ctrl-C,
// whose handlers abort the turn and kill the command's process group synchronously, then exit.
for (const [signal, number] of [
  ["SIGTERM", 15],
  ["SIGHUP", 1],
] as const) {
  process.once(signal, () => {
    process.emit("SIGINT", "SIGINT");
    setImmediate(() => process.exit(128 + number));
  });
}

const code = await runLcc({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  sigintSource: process,
  readStdin: (options) => (process.stdin.isTTY ? Promise.resolve("") : readStdin(process.stdin, options)),
});
// Idle keep-alive sockets must not hold the process open once the work is done; flush stdout first.
process.exitCode = code;
process.stdout.write("", () => process.exit(code));
