// Flag parsing: values in both spellings, prompts from positional words, and clear errors.
import { describe, expect, it } from "vitest";
import { parseArgs, splitToolRules } from "./args.ts";

describe("parseArgs", () => {
  it("reads -p with a positional prompt and every value flag in both spellings", () => {
    expect(
      parseArgs([
        "-p",
        "fix",
        "the",
        "tests",
        "--output-format",
        "json",
        "--max-turns=3",
        "--model",
        "m",
        "--cwd=dir",
      ]),
    ).toMatchObject({
      kind: "run",
      print: true,
      prompt: "fix the tests",
      outputFormat: "json",
      maxTurns: 3,
      model: "m",
      cwd: "dir",
    });
  });

  it("reads --fallback-model <id> and --print-prompt", () => {
    expect(parseArgs(["--fallback-model", "claude-haiku-4-5", "--print-prompt"])).toMatchObject({
      fallbackModel: "claude-haiku-4-5",
      printPrompt: true,
    });
    expect(parseArgs(["--fallback-model"])).toEqual({
      kind: "error",
      message: "--fallback-model needs a model id",
    });
    expect(parseArgs([])).toMatchObject({ printPrompt: false });
  });

  it("treats everything after -- as the prompt", () => {
    expect(parseArgs(["-p", "--", "--not-a-flag"])).toMatchObject({ prompt: "--not-a-flag" });
  });

  it("reads -c, -r <id>, -r without an id (list), --demo and --verbose", () => {
    expect(parseArgs(["-c"])).toMatchObject({ continueLast: true });
    expect(parseArgs(["-r", "2025"])).toMatchObject({ resume: "2025" });
    expect(parseArgs(["--resume"])).toMatchObject({ resume: "" });
    expect(parseArgs(["--demo", "--verbose"])).toMatchObject({ demo: true, verbose: true });
  });

  it("answers help and version before anything else", () => {
    expect(parseArgs(["-p", "x", "--help"])).toEqual({ kind: "help" });
    expect(parseArgs(["-v"])).toEqual({ kind: "version" });
  });

  it("rejects unknown flags, bad values and contradictory flags with a message", () => {
    expect(parseArgs(["--frobnicate"])).toEqual({
      kind: "error",
      message: "unknown option --frobnicate (see lcc --help)",
    });
    expect(parseArgs(["-p", "x", "--max-turns", "0"])).toMatchObject({ kind: "error" });
    expect(parseArgs(["-p", "x", "--output-format", "xml"])).toMatchObject({ kind: "error" });
    expect(parseArgs(["-c", "-r", "id"])).toMatchObject({ kind: "error" });
    expect(parseArgs(["--output-format", "json"])).toEqual({
      kind: "error",
      message: "--output-format only applies with -p/--print",
    });
    expect(parseArgs(["--model"])).toMatchObject({ kind: "error", message: "--model needs a model id" });
  });

  it("reads the permission flags in Claude Code's syntax and refuses an unknown mode", () => {
    const parsed = parseArgs([
      "-p",
      "go",
      "--permission-mode",
      "acceptEdits",
      "--allowedTools",
      "Bash(npm run build:*),Edit",
      "--disallowed-tools",
      "Bash(rm:*) WebFetch",
      "--no-project-hooks",
    ]);
    expect(parsed).toMatchObject({
      kind: "run",
      permissionMode: "acceptEdits",
      allowedTools: ["Bash(npm run build:*)", "Edit"],
      disallowedTools: ["Bash(rm:*)", "WebFetch"],
      projectHooks: false,
    });
    expect(parseArgs(["--permission-mode", "yolo"])).toMatchObject({ kind: "error" });
    expect(splitToolRules("Read, Bash(git log:*) ")).toEqual(["Read", "Bash(git log:*)"]);
  });

  it("reads --mcp-config repeated or with several configs after it, inline JSON kept verbatim, and --strict-mcp-config", () => {
    const inline = '{"mcpServers":{"demo":{"command":"node"}}}';
    expect(
      parseArgs([
        "--mcp-config",
        "a.json",
        inline,
        "--mcp-config=b.json",
        "--strict-mcp-config",
        "list tools",
      ]),
    ).toMatchObject({
      kind: "run",
      mcpConfig: ["a.json", inline, "b.json"],
      strictMcpConfig: true,
      prompt: "list tools",
    });
    // Only configs follow the flag: the next word that is neither JSON nor a .json file is the prompt.
    expect(parseArgs(["--mcp-config", "servers.json", "fix", "it"])).toMatchObject({
      mcpConfig: ["servers.json"],
      prompt: "fix it",
    });
    expect(parseArgs([])).toMatchObject({ mcpConfig: [], strictMcpConfig: false });
    expect(parseArgs(["--mcp-config"])).toMatchObject({
      kind: "error",
      message: /^--mcp-config needs a file/,
    });
  });
});
