// Test helper: a warm child process (fixtures/team-worker.ts, bundled once per test process and run with plain
// node) that runs transport commands on request, so the concurrency tests contend for real across processes.
import type { ChildProcess } from "node:child_process";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { spawnBundledScript } from "@lcc/testkit";
import type { TransportStore } from "./transport-contract.ts";

/** What a worker is asked to do on one store. */
export type WorkerCommand =
  | { mode: "append"; stream: string; writer: string; count: number }
  | { mode: "claim"; key: string; name: string };

export interface TeamWorkerProcess {
  /** Resolves once the process is started (its bundle built once per test process). */
  readonly child: Promise<ChildProcess>;
  /** Resolves once the process has started and loaded the transport. */
  readonly ready: Promise<void>;
  /** Runs `command` on `store`; resolves with "done", "won", "lost" or "failed <error>". */
  run(store: TransportStore, command: WorkerCommand): Promise<string>;
  /** Kills the process (SIGKILL); idempotent. */
  kill(): void;
}

let nextTag = 1;

/** Starts a worker process. The caller kills it (after the test or the suite). */
export function startTeamWorkerProcess(): TeamWorkerProcess {
  const script = fileURLToPath(new URL("./fixtures/team-worker.ts", import.meta.url));
  const started = spawnBundledScript(script, [], {
    cwd: dirname(dirname(script)),
    env: { PATH: process.env.PATH },
  });
  const pending = new Map<string, { resolve: (outcome: string) => void; reject: (error: Error) => void }>();
  let errors = "";
  let killed = false;
  let markReady: () => void = () => {};
  let failReady: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  started.then((child) => {
    if (killed) child.kill("SIGKILL");
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === "ready") return markReady();
      const [tag = "", ...outcome] = line.split(" ");
      pending.get(tag)?.resolve(outcome.join(" "));
      pending.delete(tag);
    });
    child.on("exit", (code, signal) => {
      const error = new Error(`team worker exited (${code ?? signal}): ${errors}`);
      failReady(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  }, failReady);
  return {
    child: started,
    ready,
    run: (store, command) =>
      new Promise((resolve, reject) => {
        const tag = `t${nextTag++}`;
        pending.set(tag, { resolve, reject });
        started.then((child) => {
          child.stdin.write(
            `${JSON.stringify({ tag, workspace: store.workspace, env: store.env, ...command })}\n`,
          );
        }, reject);
      }),
    kill: () => {
      killed = true;
      started.then(
        (child) => child.kill("SIGKILL"),
        () => undefined,
      );
    },
  };
}
