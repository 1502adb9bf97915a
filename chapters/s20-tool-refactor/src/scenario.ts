// The s20 demo and end-to-end scenario: one round of five reads that run together, an edit that waits for them
// and runs alone, a read after it; then a deferred tool (cron_create) found through tool_search and called
// through use_tool under its own name and permission rule; then /tools with the router table.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import type { RouterSetupOptions } from "./agent.ts";

export const PORT_PROMPT =
  "The dev server moves from port 3000 to 8080: change src/config.ts and check the other files for a hard-coded 3000.";
export const SCHEDULE_PROMPT = "Every weekday at 9:00, remind me to run the test suite.";
/** The five files read together, in the order the model asks for them. */
export const READ_TOGETHER = ["src/server.ts", "src/routes.ts", "src/db.ts", "README.md", "package.json"];
export const WEEKDAYS_AT_NINE = "0 9 * * 1-5";

/** The demo's small project. */
export const DEMO_FILES: Record<string, string> = {
  "src/config.ts": 'export const config = { port: 3000, host: "localhost" };\n',
  "src/server.ts":
    'import { config } from "./config.ts";\n\nexport function start() {\n  return `listening on ${config.port}`;\n}\n',
  "src/routes.ts": 'export const routes = ["/", "/health"];\n',
  "src/db.ts": 'export const databaseUrl = "postgres://localhost:5432/app";\n',
  "README.md": "# app\n\nRun `pnpm dev` and open http://localhost:3000.\n",
  "package.json": '{ "name": "app", "scripts": { "dev": "tsx src/server.ts" } }\n',
};

/**
 * Options of the demo chapter: no real ~/.claude or ~/.lcc; edits accepted and cron_create allowed as
 * `acceptEdits` and `allowedTools` would (the demo has no terminal to answer a permission question).
 */
export function s20DemoOptions(): RouterSetupOptions {
  return {
    home: join(tmpdir(), "lcc-s20-demo-home"),
    permissions: { mode: "acceptEdits", allowedTools: ["cron_create"] },
  };
}

/** The newest message of a request as JSON text (what the scripted model reacts to). */
const newest = (request: RecordedRequest) => JSON.stringify(request.body.messages.at(-1)?.content ?? "");

function script(request: RecordedRequest): FakeReply {
  const said = newest(request);
  if (said.includes("Scheduled "))
    return reply(
      text(`Done: every weekday at 9:00 I'll remind you to run the test suite (${WEEKDAYS_AT_NINE}).`),
    );
  if (said.includes("## cron_create"))
    return reply(
      toolUse("use_tool", {
        name: "cron_create",
        input: { cron: WEEKDAYS_AT_NINE, prompt: "Remind the user to run the test suite.", recurring: true },
      }),
    );
  if (said.includes(SCHEDULE_PROMPT))
    return reply(
      text("Scheduling is not among my listed tools; let me find it."),
      toolUse("tool_search", { query: "schedule cron" }),
    );
  if (said.includes("port: 8080"))
    return reply(
      text(
        "src/config.ts now says port 8080. The only other 3000 is in README.md (http://localhost:3000); the code reads the port from config.",
      ),
    );
  if (said.includes(PORT_PROMPT))
    return reply(
      text("I'll read the other files together, change the port, then read the config back."),
      ...READ_TOGETHER.map((path) => toolUse("read_file", { path })),
      toolUse("edit_file", { path: "src/config.ts", old_text: "port: 3000", new_text: "port: 8080" }),
      toolUse("read_file", { path: "src/config.ts" }),
    );
  return reply(text("(the scripted model has nothing more to say)"));
}

/** The scenario `pnpm --filter s20 demo` plays and scenario.test.ts checks. */
export function createS20Scenario(): DemoScenario {
  return {
    files: DEMO_FILES,
    prompts: [PORT_PROMPT, SCHEDULE_PROMPT, "/tools", "/tools cron_create"],
    script: (request) => script(request),
  };
}
