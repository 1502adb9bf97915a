import { describe, expect, it } from "vitest";
import { createToolNamer, MCP_TOOL_NAME_MAX, mcpToolName } from "./tool-names.ts";

const API_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

describe("mcpToolName", () => {
  it("joins server and tool as mcp__<server>__<tool>", () => {
    expect(mcpToolName("everything", "echo")).toBe("mcp__everything__echo");
  });

  it("replaces every character outside [A-Za-z0-9_-] with an underscore", () => {
    expect(mcpToolName("my.server", "get file/list")).toBe("mcp__my_server__get_file_list");
    expect(mcpToolName("día", "ok-tool_1")).toBe("mcp__d_a__ok-tool_1");
    expect(mcpToolName("a b", "x")).toMatch(API_TOOL_NAME);
  });

  it("keeps a name of exactly 64 characters whole", () => {
    const tool = "t".repeat(MCP_TOOL_NAME_MAX - "mcp__s__".length);
    expect(mcpToolName("s", tool)).toBe(`mcp__s__${tool}`);
  });

  it("cuts a longer name to 64 characters ending in _ and 8 hex characters", () => {
    const name = mcpToolName("server", "x".repeat(100));
    expect(name).toHaveLength(MCP_TOOL_NAME_MAX);
    expect(name).toMatch(/^mcp__server__x+_[0-9a-f]{8}$/);
    expect(name).toMatch(API_TOOL_NAME);
  });

  it("keeps long names that share their first 64 characters distinct", () => {
    const start = "x".repeat(80);
    expect(mcpToolName("server", `${start}_read`)).not.toBe(mcpToolName("server", `${start}_write`));
  });

  it("gives the same name for the same pair every time", () => {
    const tool = "y".repeat(90);
    expect(mcpToolName("server", tool)).toBe(mcpToolName("server", tool));
  });
});

describe("createToolNamer", () => {
  it("refuses a second pair that sanitises to a name already given out, naming the first pair", () => {
    const namer = createToolNamer();
    expect(namer.name("a.b", "echo")).toBe("mcp__a_b__echo");
    expect(namer.name("a_b", "echo")).toEqual({ collision: 'server "a.b", tool "echo"' });
  });

  it("gives the same name again for the same pair", () => {
    const namer = createToolNamer();
    expect(namer.name("a", "echo")).toBe("mcp__a__echo");
    expect(namer.name("a", "echo")).toBe("mcp__a__echo");
  });

  it("resolves a full name back to the unsanitised server and tool, even a cut one", () => {
    const namer = createToolNamer();
    const short = namer.name("my.server", "get file");
    const long = namer.name("my.server", "z".repeat(100));
    expect(namer.resolve(short as string)).toEqual({ server: "my.server", tool: "get file" });
    expect(namer.resolve(long as string)).toEqual({ server: "my.server", tool: "z".repeat(100) });
    expect(namer.resolve("mcp__unknown__tool")).toBeUndefined();
  });

  it("keeps a refused pair out of the round trip", () => {
    const namer = createToolNamer();
    namer.name("a.b", "echo");
    namer.name("a_b", "echo");
    expect(namer.resolve("mcp__a_b__echo")).toEqual({ server: "a.b", tool: "echo" });
  });
});
