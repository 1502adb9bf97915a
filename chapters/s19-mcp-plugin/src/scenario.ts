// The s19 demo and end-to-end scenario: a workspace whose .mcp.json runs the real server-everything. The first
// prompt asks about the project's server (the scripted user says yes), the model sees 13 mcp__everything__
// tools, echoes through one (the permission prompt shows), gets an image, and is refused get-env by a deny rule.
import { join } from "node:path";
import type { AskUser, DemoScenario } from "@lcc/chapter-kit";
import { describeQuestion } from "@lcc/chapter-kit";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { createMcpSetup, type McpSetupOptions } from "./agent.ts";
import { everythingEntry } from "./reference-servers.ts";

export const DEMO_PROMPT =
  "Which tools does the everything server give you? Echo a greeting through it, then show me its tiny image and its environment.";
export const GREETING = "Hello from s19";

/** The demo workspace's permission rules: the image tool runs without asking; get-env (the server's environment) never. */
export const DEMO_PERMISSIONS = {
  allow: ["mcp__everything__get-tiny-image"],
  deny: ["mcp__everything__get-env"],
};

/** The demo's .mcp.json: server-everything from the dev dependency, over stdio with this node. */
export function demoMcpJson(): string {
  const everything = everythingEntry();
  return `${JSON.stringify({ mcpServers: { everything } }, null, 2)}\n`;
}

/**
 * The user of the demo: prints each question as the terminal shows it and answers yes, as a person typing
 * "y" would (the demo has no terminal of its own).
 */
export function createDemoUser(output: NodeJS.WritableStream): AskUser {
  return async (request) => {
    output.write(`\n${describeQuestion(request)}\nanswer › y\n`);
    return { kind: "choice", key: "y" };
  };
}

/** Options of the demo chapter: a home inside the demo workspace (removed with it), so each run asks afresh. */
export function s19DemoOptions(workspace: string): McpSetupOptions {
  return { home: join(workspace, ".lcc", "demo-home") };
}

/** The chapter the demo (and `start` without a key) runs: s19's agent with the scripted user answering. */
export function createS19DemoChapter(): S08Chapter {
  const chapter = createHookedChapter({ id: "s19", title: "MCP plugin" }, (context) =>
    createMcpSetup(context, s19DemoOptions(context.workspace)),
  );
  return {
    ...chapter,
    createAgent: (context) => chapter.createAgent({ ...context, ask: createDemoUser(context.output) }),
  };
}

const namesOf = (request: RecordedRequest) =>
  (request.body.tools ?? [])
    .map((tool) => (tool as { name: string }).name)
    .filter((name) => name.startsWith("mcp__"));

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS19Scenario(): DemoScenario {
  const steps: Array<(request: RecordedRequest) => FakeReply> = [
    (request) => {
      const names = namesOf(request);
      return reply(
        text(`The everything server gives me ${names.length} tools: ${names.join(", ")}. Echoing first.`),
        toolUse("mcp__everything__echo", { message: GREETING }),
      );
    },
    () => reply(toolUse("mcp__everything__get-tiny-image", {})),
    () => reply(toolUse("mcp__everything__get-env", {})),
    () =>
      reply(
        text(
          `The server echoed "${GREETING}" back, and its tiny image is the MCP logo (a PNG I received as an image). Its environment is off limits here: a deny rule in .claude/settings.json refuses get-env.`,
        ),
      ),
  ];
  let position = 0;
  return {
    files: {
      ".mcp.json": demoMcpJson(),
      ".claude/settings.json": `${JSON.stringify({ permissions: DEMO_PERMISSIONS }, null, 2)}\n`,
    },
    prompts: [DEMO_PROMPT, "/mcp"],
    script: (request) =>
      steps[position++]?.(request) ?? reply(text("(the scripted model has nothing more to say)")),
  };
}
