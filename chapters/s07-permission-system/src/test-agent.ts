// Test helper for the s07 end-to-end tests: the real permission-checking agent against a fresh fake API in a
// temp workspace, with a scripted user answering permission questions (or no terminal at all).
import type { AskAnswer, AskRequest, AskUser } from "@lcc/chapter-kit";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createPermissionSetup, type PermissionOptions } from "./agent.ts";

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  options?: Partial<PermissionOptions>;
  /** The user's answers to permission questions, in order; absent: no terminal. */
  answers?: AskAnswer[];
}

/**
 * `start({ script, files, options, answers })`: an s07 session whose fake API and workspace are removed
 * after the test. `newSession()` opens another session on the same workspace and fake API (a restart).
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async ({ script, files = {}, options = {}, answers }: TestAgentOptions) => {
    const { fake, workspace, client, config, cleanup } = await startFakeModel({
      script,
      files,
      model: DEFAULT_MODEL,
    });
    addCleanup(cleanup);
    const questions: AskRequest[] = [];
    const events: AgentEvent[] = [];
    const scripted: AskUser = async (request) => {
      questions.push(request);
      return answers?.shift() ?? { kind: "unavailable", reason: "the test has no more answers" };
    };
    const open = async (sessionOptions: Partial<PermissionOptions> = options) => {
      const output = captureOutput();
      const agent = await createSessionAgent((context) => createPermissionSetup(context, sessionOptions), {
        client,
        config,
        workspace,
        output,
        ...(answers ? { ask: scripted } : {}),
      });
      agent.subscribe((event) => events.push(event));
      return {
        agent,
        run: (line: string) => agent.handleLine(line, new AbortController().signal),
        output: () => output.text(),
      };
    };
    const first = await open();
    return {
      ...first,
      workspace,
      questions,
      events,
      newSession: open,
      requests: () => fake.messageRequests(),
    };
  };
}
