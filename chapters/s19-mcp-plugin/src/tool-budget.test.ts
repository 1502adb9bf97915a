// The tool budget in numbers: request bytes of the definitions against share × window × 4 characters.
import { defineTool, type Tool, toApiTool } from "@lcc/s02";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { judgeToolBudget, toolRequestBytes } from "./tool-budget.ts";

function toolOf(name: string, description: string): Tool {
  return defineTool({
    name,
    description,
    input: z.object({}),
    inputSchema: { type: "object", properties: { text: { type: "string" } } },
    async run() {
      return "";
    },
  });
}

describe("the tool budget", () => {
  it("counts the UTF-8 bytes of the definitions as the request carries them", () => {
    const tools = [toolOf("mcp__a__one", "first"), toolOf("mcp__a__two", "zweite Größe")];
    expect(toolRequestBytes(tools)).toBe(Buffer.byteLength(JSON.stringify(tools.map(toApiTool))));
    expect(toolRequestBytes(tools)).toBe(JSON.stringify(tools.map(toApiTool)).length + 2);
  });

  it("defers only when the bytes exceed share × window tokens × 4", () => {
    const tools = [toolOf("mcp__a__one", "x".repeat(300))];
    const bytes = toolRequestBytes(tools);
    expect(judgeToolBudget(tools, 200_000)).toEqual({ bytes, budget: 80_000, defer: false });
    const exact = bytes / 4 / 0.1;
    expect(judgeToolBudget(tools, exact).defer).toBe(false);
    expect(judgeToolBudget(tools, exact - 10).defer).toBe(true);
    expect(judgeToolBudget(tools, 200_000, bytes / 800_000 - 1e-6).defer).toBe(true);
  });

  it("defers when the bytes exceed an absolute cap smaller than the share", () => {
    const tools = [toolOf("mcp__a__one", "x".repeat(300))];
    const bytes = toolRequestBytes(tools);
    expect(judgeToolBudget(tools, 200_000, 0.1, bytes)).toEqual({ bytes, budget: bytes, defer: false });
    expect(judgeToolBudget(tools, 200_000, 0.1, bytes - 1)).toEqual({
      bytes,
      budget: bytes - 1,
      defer: true,
    });
  });
});
