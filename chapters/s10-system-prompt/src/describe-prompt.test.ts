// /prompt and describePrompt: each section in order with its source and tokens, counted by count_tokens
// when the API answers in time, else estimated — and labelled so either way.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@anthropic-ai/sdk";
import { systemPromptText } from "@lcc/s02";
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { describePrompt } from "./describe-prompt.ts";
import { testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);

async function setup() {
  const session = await start({
    script: [reply(text("ok"))],
    files: { "CLAUDE.md": "Project rule. @docs/more.md", "docs/more.md": "More rules." },
  });
  let written = "";
  const run = async (line: string) => {
    written = "";
    await session.agent.runCommand(line, new AbortController().signal, (chunk) => {
      written += chunk;
    });
    return written;
  };
  return { ...session, run };
}

describe("/prompt", () => {
  it("lists every section in order with its source and counted tokens, and marks the cache breakpoint", async () => {
    const { agent, fake, run } = await setup();
    const printed = await run("/prompt");
    const sections = agent.resolved.sections;
    const lines = printed.split("\n");
    expect(lines[0]).toMatch(
      new RegExp(`^System prompt: ${sections.length} sections, [\\d,]+ tokens \\(counted\\)$`),
    );
    const rows = lines.filter((line) => /^ {0,2}\d+ {2}/.test(line));
    expect(rows.map((row) => row.trim().split(/\s+/)[1])).toEqual(sections.map((section) => section.name));
    expect(rows.find((row) => row.includes("docs/more.md"))).toMatch(
      /instructions\s+docs\/more\.md\s+\d+ tokens \(counted\)/,
    );
    expect(rows.at(-1)).toMatch(/environment\s+built-in\s+\d+ tokens \(counted\)/);
    const breakpoint = lines.findIndex((line) => line.includes("cache breakpoint"));
    expect(lines[breakpoint - 1]).toContain("docs/more.md");
    expect(lines[breakpoint + 1]).toContain("environment");
    expect(printed).toMatch(/Tools: \d+ definitions, [\d,]+ tokens \(counted\)/);
    const counts = fake.requests.filter((request) => request.path === "/v1/messages/count_tokens");
    expect(counts).toHaveLength(sections.length + 3);
    expect(fake.messageRequests()).toHaveLength(0);
  });

  it("prints the whole prompt with /prompt full", async () => {
    const { agent, run } = await setup();
    expect(await run("/prompt full")).toBe(`${systemPromptText(agent.resolved.system)}\n`);
  });

  it("estimates, and says so, when count_tokens cannot be reached", async () => {
    const { fake, run } = await setup();
    await fake.close();
    const printed = await run("/prompt");
    expect(printed).toMatch(/^System prompt: \d+ sections, [\d,]+ tokens \(estimated\)/);
    expect(printed).not.toContain("(counted)");
  });
});

describe("describePrompt", () => {
  it("falls back to estimates when count_tokens does not answer within the timeout", async () => {
    const server = createServer(() => {}); // accepts and never answers
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    addCleanup(
      () => new Promise((resolve) => server.close(resolve)),
      () => server.closeAllConnections(),
    );
    const { port } = server.address() as AddressInfo;
    const client = new Anthropic({ apiKey: "test", baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const started = Date.now();
    const description = await describePrompt([{ name: "identity", text: "x".repeat(40) }], {
      client,
      model: "claude-test",
      timeoutMs: 150,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(description.sections).toEqual([
      {
        name: "identity",
        source: "built-in",
        chars: 40,
        size: { tokens: 10, method: "estimated" },
        cacheBreakpoint: false,
      },
    ]);
    expect(description.system).toEqual({ tokens: 10, method: "estimated" });
  });
});
