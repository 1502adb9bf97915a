// What the client contract tests hold: a client plus the test's handle on its server, and two ways to
// own them: one connected subject shared by a describe block (fast), or a fresh one per test.
import { afterAll, afterEach, beforeAll } from "vitest";
import type { McpClient, McpClientOptions } from "./mcp-client.ts";

/** A connected-to-be client plus the test's handle on its server. */
export interface ContractSubject {
  client: McpClient;
  /** SIGKILLs the server process. */
  killServer(): Promise<void>;
  /** For stdio: true once the server process is gone; undefined when the client owns no process. */
  isServerGone?: () => boolean;
  /** Anything else to stop after the test (an HTTP server). */
  cleanup?: () => Promise<void>;
}

export type StartSubject = (options: McpClientOptions) => Promise<ContractSubject>;

async function dispose(subject: ContractSubject): Promise<void> {
  await subject.client.close();
  await subject.cleanup?.();
}

/** One subject for the whole describe block, connected in `beforeAll`, closed in `afterAll`. */
export function useSharedSubject(start: () => Promise<ContractSubject>): () => ContractSubject {
  let subject: ContractSubject | undefined;
  beforeAll(async () => {
    subject = await start();
    await subject.client.connect();
  });
  afterAll(async () => {
    if (subject) await dispose(subject);
  });
  return () => {
    if (!subject) throw new Error("the shared subject did not start");
    return subject;
  };
}

/** Fresh subjects per test, each closed (with its server) after the test; `connect` is up to the test. */
export function useOwnSubjects<Args extends unknown[]>(
  start: (...args: Args) => Promise<ContractSubject>,
): (...args: Args) => Promise<ContractSubject> {
  const subjects: ContractSubject[] = [];
  afterEach(async () => {
    for (const subject of subjects.splice(0)) await dispose(subject);
  });
  return async (...args) => {
    const subject = await start(...args);
    subjects.push(subject);
    return subject;
  };
}
