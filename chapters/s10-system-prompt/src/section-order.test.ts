// The prompt's layers: identity, tool guidance, skills, memory, instruction files, environment — placed
// by name, with one cache breakpoint right before the environment.
import type { SystemSection } from "@lcc/s02";
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { arrangePromptSections } from "./section-order.ts";
import { testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

const section = (name: string, extra: Partial<SystemSection> = {}): SystemSection => ({
  name,
  text: name,
  ...extra,
});

describe("arrangePromptSections", () => {
  it("orders by layer, keeps the chapters' order within one, and marks the last stable section", () => {
    const arranged = arrangePromptSections([
      section("environment"),
      section("instructions", { source: "CLAUDE.md" }),
      section("skills"),
      section("identity"),
      section("planning"),
      section("memory"),
      section("instructions", { source: "AGENTS.md" }),
      section("product", { cacheBreakpoint: true }),
      section("permissions"),
    ]);
    expect(arranged.map((part) => part.source ?? part.name)).toEqual([
      "identity",
      "planning",
      "product",
      "permissions",
      "skills",
      "memory",
      "CLAUDE.md",
      "AGENTS.md",
      "environment",
    ]);
    expect(arranged.filter((part) => part.cacheBreakpoint).map((part) => part.source)).toEqual(["AGENTS.md"]);
  });

  it("puts the breakpoint on the last section when there is no environment, and leaves missing layers out", () => {
    const arranged = arrangePromptSections([section("skills"), section("identity")]);
    expect(arranged.map((part) => [part.name, part.cacheBreakpoint === true])).toEqual([
      ["identity", false],
      ["skills", true],
    ]);
  });
});

describe("the s10 agent's prompt", () => {
  it("has every earlier chapter's section in layer order, the instruction files, then the environment", async () => {
    const session = await start({ script: [reply(text("ok"))], files: { "AGENTS.md": "Use pnpm." } });
    const names = session.agent.resolved.sections.map((part) => part.name);
    const guidance = ["planning", "delegation", "context", "permissions"];
    const expected = ["identity", ...guidance, "skills", ...(names.includes("memory") ? ["memory"] : [])];
    expect(names).toEqual([...expected, "instructions", "instructions", "environment"]);
    expect(session.agent.resolved.sections.at(-2)?.cacheBreakpoint).toBe(true);
    await session.run("hello");
    const [request] = session.requests();
    expect(JSON.stringify(request?.body.system)).toContain("Use pnpm.");
  });
});
