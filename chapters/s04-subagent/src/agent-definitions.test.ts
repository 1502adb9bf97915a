// Custom agent types: frontmatter parsed with a real YAML parser, problems reported, tools selected safely.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createReadFileTool, createToolUseSetup } from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { loadAgentTypes, parseAgentFile } from "./agent-definitions.ts";
import { selectChildTools } from "./agent-types.ts";

const addCleanup = useCleanups();

const file = (frontmatter: string, body = "Be helpful.") => `---\n${frontmatter}\n---\n${body}\n`;
const parentTools = [
  ...createToolUseSetup({ workspace: "/" }).tools,
  // Stands in for s04's agent tool: what keeps it from children is its parentOnly mark, not its name.
  { ...createReadFileTool(), name: "agent", parentOnly: true },
];

describe("s04 agent files", () => {
  it("reads a comma list of tools, the body as the system prompt, and a model id", () => {
    const parsed = parseAgentFile(
      file("name: checker\ndescription: Checks.\ntools: read_file, bash\nmodel: claude-x-1"),
      "a.md",
    );
    expect(parsed).toEqual({
      ok: true,
      type: {
        name: "checker",
        description: "Checks.",
        systemPrompt: "Be helpful.",
        tools: { kind: "named", names: ["read_file", "bash"] },
        model: "claude-x-1",
        source: "a.md",
      },
    });
  });

  it("reads a YAML list of tools and a block-scalar description", () => {
    const parsed = parseAgentFile(
      file("name: checker\ndescription: |\n  Line one.\n  Line two.\ntools:\n  - Read\n  - Grep"),
      "a.md",
    );
    expect(parsed).toMatchObject({
      ok: true,
      type: { description: "Line one.\nLine two.", tools: { kind: "named", names: ["Read", "Grep"] } },
    });
  });

  it("runs on the parent's model for inherit and the family aliases, and gives every tool when tools is absent", () => {
    for (const model of ["inherit", "sonnet", "haiku"]) {
      const parsed = parseAgentFile(file(`name: a\ndescription: b\nmodel: ${model}`), "a.md");
      expect(parsed.ok && parsed.type.model).toBeUndefined();
      expect(parsed.ok && parsed.type.tools).toEqual({ kind: "all" });
    }
  });

  it("explains what is wrong with a bad file instead of throwing", () => {
    expect(parseAgentFile("no frontmatter", "a.md")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("no YAML frontmatter"),
    });
    expect(parseAgentFile(file("name: [unclosed"), "a.md")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("invalid YAML frontmatter"),
    });
    expect(parseAgentFile("---\n---\nBe helpful.\n", "a.md")).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^invalid frontmatter \(name: .*description: /),
    });
    expect(parseAgentFile(file("name: a"), "a.md")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("description"),
    });
    expect(parseAgentFile(file("name: has space\ndescription: b"), "a.md")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("name: use letters"),
    });
    expect(parseAgentFile(file("name: a\ndescription: b", "  "), "a.md")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("the body is empty"),
    });
  });

  it("loads built-ins and custom files, reports broken and duplicate files, and lets a custom type replace a built-in", async () => {
    const workspace = await createTempWorkspace({
      files: {
        ".claude/agents/a-explore.md": file("name: explore\ndescription: My own explorer."),
        ".claude/agents/b-broken.md": file("description: no name"),
        ".claude/agents/c-one.md": file("name: twin\ndescription: first"),
        ".claude/agents/d-two.md": file("name: twin\ndescription: second"),
        ".claude/agents/notes.txt": "not an agent",
      },
    });
    addCleanup(workspace.cleanup);
    const { types, problems } = loadAgentTypes(workspace.dir);
    expect(types.map((type) => `${type.name}:${type.description}`)).toEqual([
      "explore:My own explorer.",
      expect.stringMatching(/^general:/),
      "twin:first",
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^\.claude\/agents\/b-broken\.md: invalid frontmatter \(name: .*\); skipped$/),
      '.claude/agents/d-two.md: another file already defines "twin"; skipped',
    ]);
  });

  it("skips a FIFO, links out of the workspace and a file over 1 MB at once, and says why", async () => {
    const workspace = await createTempWorkspace({
      files: { ".claude/agents/e-fine.md": file("name: fine\ndescription: ok") },
    });
    addCleanup(workspace.cleanup);
    const agents = join(workspace.dir, ".claude", "agents");
    execFileSync("mkfifo", [join(agents, "a-fifo.md")]);
    // A writer that would release a reader blocked on the FIFO, so a regression fails instead of hanging.
    const writer = spawn("sh", ["-c", 'sleep 1.5; exec 3>"$1"; sleep 1', "sh", join(agents, "a-fifo.md")]);
    addCleanup(() => writer.kill("SIGKILL"));
    // /dev/null rather than /dev/zero, so a regression fails here instead of reading forever
    // (read-config-file.test.ts covers /dev/zero itself).
    symlinkSync("/dev/null", join(agents, "b-device.md"));
    writeFileSync(join(agents, "c-huge.md"), file(`name: huge\ndescription: ${"x".repeat(1024 * 1024)}`));
    // A link out of the workspace: a repository must not pull a system prompt in from elsewhere.
    const outside = await createTempWorkspace({ files: { "spy.md": file("name: spy\ndescription: x") } });
    addCleanup(outside.cleanup);
    symlinkSync(join(outside.dir, "spy.md"), join(agents, "d-outside.md"));
    const started = Date.now();
    const { types, problems } = loadAgentTypes(workspace.dir);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      ".claude/agents/a-fifo.md: not a regular file (fifo); skipped",
      ".claude/agents/b-device.md: resolves to /dev/null, outside the workspace; skipped",
      ".claude/agents/c-huge.md: larger than 1 MB; skipped",
      `.claude/agents/d-outside.md: resolves to ${realpathSync(join(outside.dir, "spy.md"))}, outside the workspace; skipped`,
    ]);
    expect(types.map((type) => type.name)).not.toContain("spy");
    expect(types.map((type) => type.name)).toContain("fine");
  });

  it("has no custom types and no problems when the folder is missing", async () => {
    const workspace = await createTempWorkspace();
    addCleanup(workspace.cleanup);
    expect(loadAgentTypes(workspace.dir)).toMatchObject({
      problems: [],
      types: [{ name: "explore" }, { name: "general" }],
    });
  });

  it("parses the reviewer shipped in .claude/agents as a read_file + bash type", () => {
    const text = readFileSync(new URL("../../../.claude/agents/reviewer.md", import.meta.url), "utf8");
    const parsed = parseAgentFile(text, "reviewer.md");
    expect(parsed).toMatchObject({
      ok: true,
      type: { name: "reviewer", tools: { kind: "named", names: ["read_file", "bash"] } },
    });
    expect(parsed.ok && parsed.type.model).toBeUndefined();
  });
});

describe("s04 child tool selection", () => {
  it("maps Claude Code tool names, never hands out agent or todo_write, and reports names it cannot find", () => {
    const selection = selectChildTools(
      { kind: "named", names: ["Read", "Task", "Grep", "bash"] },
      parentTools,
    );
    expect(selection.tools.map((tool) => tool.name)).toEqual(["bash", "read_file"]);
    expect(selection.missing).toEqual(["agent", "grep"]);
  });

  it("gives general every parent tool but agent, and explore only read-only ones", () => {
    expect(selectChildTools({ kind: "all" }, parentTools).tools.map((tool) => tool.name)).toEqual([
      "bash",
      "read_file",
      "write_file",
      "edit_file",
    ]);
    expect(selectChildTools({ kind: "read-only" }, parentTools).tools.map((tool) => tool.name)).toEqual([
      "read_file",
    ]);
  });
});
