// The numbers and small parsers: option defaults and their scaling, the environment, the reported
// context size, /compact parsing, and breakpoints added to a copy of a request.
import { parseSlashCommand } from "@lcc/s02";
import { describe, expect, it } from "vitest";
import { compactOptionsFromEnv, reportedContextTokens, resolveCompactOptions } from "./compact-options.ts";
import { addCacheBreakpoints } from "./prompt-caching.ts";

describe("compaction settings", () => {
  it("defaults to 80% of a 200,000-token window, micro-compaction from half of that in batches of a quarter", () => {
    expect(resolveCompactOptions()).toMatchObject({
      contextWindow: 200_000,
      autoCompactTokens: 160_000,
      microCompactTokens: 80_000,
      microCompactMinSavedTokens: 40_000,
    });
    expect(resolveCompactOptions({ autoCompactTokens: 4_000 })).toMatchObject({
      microCompactTokens: 2_000,
      microCompactMinSavedTokens: 1_000,
    });
  });

  it("reads the window and the percentage from the environment and ignores nonsense", () => {
    expect(compactOptionsFromEnv({ LCC_CONTEXT_WINDOW: "1000000", LCC_AUTOCOMPACT_PERCENT: "50" })).toEqual({
      contextWindow: 1_000_000,
      autoCompactTokens: 500_000,
    });
    expect(compactOptionsFromEnv({ LCC_AUTOCOMPACT_PERCENT: "250", LCC_CONTEXT_WINDOW: "-3" })).toEqual({});
    expect(compactOptionsFromEnv({ LCC_MICROCOMPACT: "0" })).toEqual({ microCompact: false });
  });

  it("counts the reported context as uncached input plus cache reads and writes", () => {
    const usage = {
      input_tokens: 10,
      cache_read_input_tokens: 1_000,
      cache_creation_input_tokens: 200,
      output_tokens: 5,
    };
    expect(reportedContextTokens(usage as never)).toBe(1_210);
    expect(reportedContextTokens(undefined)).toBe(undefined);
  });

  it("parses /compact with and without a focus, and nothing else", () => {
    expect(parseSlashCommand("/compact")).toEqual({ name: "compact", args: "" });
    expect(parseSlashCommand("  /compact   the auth flow ")).toEqual({
      name: "compact",
      args: "the auth flow",
    });
    expect(parseSlashCommand("/compactify")?.name).toBe("compactify");
    expect(parseSlashCommand("please /compact")).toBe(undefined);
  });

  it("adds exactly two cache breakpoints to a copy of the request", () => {
    const messages = [{ role: "user" as const, content: "hello" }];
    const request = { model: "m", max_tokens: 10, system: "be brief", tools: [], messages };
    const marked = addCacheBreakpoints(request);
    expect(marked.system).toEqual([{ type: "text", text: "be brief", cache_control: { type: "ephemeral" } }]);
    expect(marked.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "hello", cache_control: { type: "ephemeral" } }] },
    ]);
    expect(request.messages).toBe(messages);
    expect(messages[0]!.content).toBe("hello");
  });
});
