// Your secret scan: what it names (pure), then as a PreToolUse guard in front of memory_save in the real s09
// agent, so a database URL with a password never reaches a memory file (and every future prompt).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentHooks, createSessionAgent, extendSetup } from "@lcc/s02";
import { createMemorySetup } from "@lcc/s09";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { findSecret } from "./secret-scan.ts";

const addCleanup = useCleanups();

/** The first tool result in a request's last message. */
function firstResult(request: RecordedRequest | undefined): Anthropic.ToolResultBlockParam | undefined {
  const content = request?.body.messages.at(-1)?.content;
  return Array.isArray(content) ? (content[0] as Anthropic.ToolResultBlockParam) : undefined;
}
const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaG9wLWFkbWluIn0.${"q".repeat(43)}`;

/** Denies a memory_save whose name, description or content your scan flags, naming what it saw. */
const secretGuard: AgentHooks = {
  preToolUse(call) {
    if (call.name !== "memory_save") return undefined;
    const { name, description, content } = call.input as Record<string, string>;
    const kind = findSecret(`${name}\n${description}\n${content}`);
    return kind
      ? { kind: "deny", reason: `Not saved: it seems to contain ${kind}.`, source: "secret scan" }
      : undefined;
  },
};

describe("findSecret", () => {
  it("names a database URL with a password and a JSON Web Token, and still the chapter's kinds", () => {
    const samples: Array<[sample: string, kind: string]> = [
      ["DATABASE_URL is postgres://shop:s3cr3t-pw@db.internal:5432/shop", "a database URL with a password"],
      ["cache at redis://default:hunter22@cache:6379", "a database URL with a password"],
      [`admin session: ${jwt}`, "a JSON Web Token"],
      ["the key is sk-ant-api03-abcdefghijklmnop", "an Anthropic API key"],
    ];
    for (const [sample, kind] of samples) expect(findSecret(sample), sample).toBe(kind);
  });

  it("lets through a URL without a password, one with a ${VAR} in its place, and talk about tokens", () => {
    const samples = [
      "The database is postgres://localhost:5432/shop (no password locally).",
      "Connect as postgres://app@db:5432/shop; the password is in the vault.",
      "Production uses postgres://app:${DB_PASSWORD}@db:5432/shop, set by the deploy.",
      "Tokens are JWTs signed with HS256; they expire after 15 minutes.",
    ];
    for (const sample of samples) expect(findSecret(sample), sample).toBeUndefined();
  });
});

describe("memory_save behind your scan", () => {
  it("refuses a memory with a database password and saves the one that names where it is kept", async () => {
    const agent = await startAgentTest(addCleanup, {
      script: [
        reply(
          toolUse("memory_save", {
            name: "Staging database",
            description: "How to reach the staging database",
            type: "project",
            content: "postgres://shop:s3cr3t-pw@staging-db:5432/shop",
          }),
        ),
        reply(
          toolUse("memory_save", {
            name: "Staging database",
            description: "How to reach the staging database",
            type: "project",
            content:
              "postgres://shop:${STAGING_DB_PASSWORD}@staging-db:5432/shop (password in the team vault)",
          }),
        ),
        reply(text("Saved without the password.")),
      ],
      model: DEFAULT_MODEL,
      homePrefix: "lcc-exercise-home-",
      createAgent: ({ home, ...context }) =>
        createSessionAgent(async (setup) => {
          const base = await createMemorySetup(setup, { permissions: { mode: "acceptEdits" }, home });
          return extendSetup(base, { hooks: [secretGuard] });
        }, context),
    });
    await agent.run("Remember how to reach the staging database.");
    const requests = agent.requests();
    const refused = firstResult(requests[1]);
    expect(refused).toMatchObject({ is_error: true });
    expect(JSON.stringify(refused?.content)).toContain("a database URL with a password");
    const saved = firstResult(requests[2]);
    expect(saved?.is_error).not.toBe(true);
    const files = await readdir(join(agent.workspace, ".lcc", "memory"));
    expect(files.filter((file) => file !== "MEMORY.md")).toEqual(["staging-database.md"]);
  });
});
