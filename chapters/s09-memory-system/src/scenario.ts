// The s09 demo and end-to-end scenario: the user asks the agent to remember a project fact; it saves a
// memory; /clear starts a new conversation whose system prompt lists it, and the model uses it.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { systemPromptText } from "@lcc/s02";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import type { MemorySetupOptions } from "./agent.ts";

/** The demo reads and writes no real ~/.lcc/memory (nor ~/.claude/settings.json): its home is a temp folder. */
export const s09DemoOptions: MemorySetupOptions = { home: join(tmpdir(), "lcc-s09-demo-home") };

export const DEMO_MEMORY = {
  name: "Integration tests need the database",
  description: "Start the db container before pnpm test:integration",
  type: "project",
  content:
    "Run `docker compose up -d db` before `pnpm test:integration`.\n\n" +
    "Why: the tests use the real Postgres from docker-compose.yml; without it every test times out on connect.",
} as const;

/** The index line the second conversation's system prompt must contain. */
export const DEMO_INDEX_LINE = `- [${DEMO_MEMORY.name}](integration-tests-need-the-database.md) — ${DEMO_MEMORY.description}`;

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS09Scenario(): DemoScenario {
  const first: FakeReply[] = [
    reply(text("I'll save that as a project memory."), toolUse("memory_save", DEMO_MEMORY)),
    reply(text("Saved. From the next session on I'll know to start the database first.")),
  ];
  let position = 0;
  let remembered = false;
  const second = (request: RecordedRequest): FakeReply => {
    // The scripted model answers from its prompt, as a real one would: no memory in it, no answer.
    if (position === 2) {
      position += 1;
      remembered = systemPromptText(request.body.system ?? "").includes(DEMO_INDEX_LINE);
      if (!remembered) return reply(text("I don't know how this project runs its integration tests."));
      return reply(
        text("My memory index has a note about this; reading it."),
        toolUse("read_file", { path: ".lcc/memory/integration-tests-need-the-database.md" }),
      );
    }
    position += 1;
    return reply(
      text(
        "Start the database first with `docker compose up -d db`, then run `pnpm test:integration` " +
          "(without the database every test times out on connect).",
      ),
    );
  };
  return {
    files: {
      "package.json": '{ "name": "shop-api", "scripts": { "test:integration": "vitest run integration" } }\n',
      "docker-compose.yml": "services:\n  db:\n    image: postgres:17\n",
    },
    prompts: [
      "Remember for next time: the integration tests need the database container up first (docker compose up -d db).",
      "/memory",
      "/clear",
      "How do I run the integration tests?",
    ],
    script: (request) => (position < first.length ? (first[position++] as FakeReply) : second(request)),
  };
}
