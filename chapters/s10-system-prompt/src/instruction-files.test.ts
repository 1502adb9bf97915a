// Instruction files through the real agent: which files are read, in which order, with their @imports;
// cycles, deep chains, missing files and imports written as code are reported or ignored, never fatal.
import { execFile } from "node:child_process";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_DEPTH } from "./instruction-files.ts";
import { testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);
const mkfifo = (path: string) => promisify(execFile)("mkfifo", [path]);

async function setup(options: Omit<Parameters<typeof start>[0], "script">) {
  const session = await start({ ...options, script: [reply(text("ok"))] });
  await session.run("hello");
  const [request] = session.requests();
  const system = request?.body.system;
  const wire = typeof system === "string" ? system : (system ?? []).map((block) => block.text).join("\n\n");
  const sources = session.agent.resolved.sections
    .filter((section) => section.name === "instructions" && section.source)
    .map((section) => section.source);
  return { ...session, wire, sources };
}

describe("instruction files", () => {
  it("layers ~/.claude/CLAUDE.md, then each folder from the repository root down to the workspace", async () => {
    const { sources, wire } = await setup({
      git: true,
      subfolder: "packages/api",
      homeFiles: { ".claude/CLAUDE.md": "HOME RULE" },
      files: {
        "CLAUDE.md": "ROOT RULE",
        "AGENTS.md": "ROOT AGENTS RULE",
        "CLAUDE.local.md": "ROOT LOCAL RULE",
        "packages/CLAUDE.md": "PACKAGES RULE",
        "packages/api/CLAUDE.md": "API RULE",
        "packages/api/.claude/CLAUDE.md": "API DOT-CLAUDE RULE",
        "packages/api/AGENTS.md": "API AGENTS RULE",
        "packages/api/CLAUDE.local.md": "API LOCAL RULE",
        "packages/other/CLAUDE.md": "SIBLING RULE",
      },
    });
    expect(sources).toEqual([
      "~/.claude/CLAUDE.md",
      expect.stringMatching(/\/CLAUDE\.md$/),
      expect.stringMatching(/\/AGENTS\.md$/),
      expect.stringMatching(/\/CLAUDE\.local\.md$/),
      expect.stringMatching(/\/packages\/CLAUDE\.md$/),
      "CLAUDE.md",
      ".claude/CLAUDE.md",
      "AGENTS.md",
      "CLAUDE.local.md",
    ]);
    const order = [
      "HOME RULE",
      "ROOT RULE",
      "ROOT AGENTS RULE",
      "ROOT LOCAL RULE",
      "PACKAGES RULE",
      "API RULE",
    ];
    const positions = order.map((rule) => wire.indexOf(rule));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((left, right) => left - right)).toEqual(positions);
    expect(wire).toContain("API LOCAL RULE");
    expect(wire).not.toContain("SIBLING RULE");
  });

  it("reads only the workspace's own folder when it is not in a git repository", async () => {
    const { sources, wire } = await setup({
      subfolder: "app",
      files: { "CLAUDE.md": "PARENT", "app/CLAUDE.md": "APP" },
    });
    expect(sources).toEqual(["CLAUDE.md"]);
    expect(wire).toContain("APP");
    expect(wire).not.toContain("PARENT");
  });

  it("places each @import right after its importer, relative to it or to ~, and reads a file once", async () => {
    const { sources, wire } = await setup({
      homeFiles: { ".claude/my-project.md": "MY PERSONAL NOTE" },
      files: {
        "CLAUDE.md": "Start here. @AGENTS.md\n@docs/style.md\n@~/.claude/my-project.md",
        "AGENTS.md": "AGENTS BODY",
        "docs/style.md": "STYLE BODY @./naming.md",
        "docs/naming.md": "NAMING BODY",
      },
    });
    expect(sources).toEqual([
      "CLAUDE.md",
      "AGENTS.md",
      "docs/style.md",
      "docs/naming.md",
      "~/.claude/my-project.md",
    ]);
    expect(wire.split("AGENTS BODY")).toHaveLength(2);
    expect(wire).toContain("## docs/naming.md (imported by docs/style.md)\n\nNAMING BODY");
    expect(wire).toContain("MY PERSONAL NOTE");
  });

  it("does not let a project file import from outside the project and ~/.claude; the user's own file may", async () => {
    const { sources, notices, wire } = await setup({
      homeFiles: {
        "secrets/key.txt": "SECRET KEY",
        "notes/me.md": "USER NOTE",
        ".claude/CLAUDE.md": "@~/notes/me.md",
      },
      files: { "CLAUDE.md": "@~/secrets/key.txt" },
    });
    expect(sources).toEqual(["~/.claude/CLAUDE.md", "~/notes/me.md", "CLAUDE.md"]);
    expect(wire).toContain("USER NOTE");
    expect(wire).not.toContain("SECRET KEY");
    expect(notices()).toContain(
      "instruction files: CLAUDE.md: @import of ~/secrets/key.txt is outside the project; not read (a project file may import only from the project and ~/.claude)",
    );
  });

  it("does not read a project CLAUDE.md that is a link to a file outside the project", async () => {
    const outside = await mkdtemp(join(tmpdir(), "lcc-s10-outside-"));
    addCleanup(() => rm(outside, { recursive: true, force: true }));
    await writeFile(join(outside, "id_rsa"), "PRIVATE KEY MATERIAL\n");
    const { sources, notices, wire } = await setup({
      prepare: (workspace) => symlink(join(outside, "id_rsa"), join(workspace, "CLAUDE.md")),
    });
    expect(sources).toEqual([]);
    expect(wire).not.toContain("PRIVATE KEY MATERIAL");
    expect(notices()).toContain(
      `instruction files: CLAUDE.md is a link to ${join(outside, "id_rsa")}, outside the project; not read`,
    );
  });

  it("reports an import cycle and reads each file of it once", async () => {
    const { sources, notices } = await setup({
      files: { "CLAUDE.md": "@a.md", "a.md": "A @b.md", "b.md": "B @a.md" },
    });
    expect(sources).toEqual(["CLAUDE.md", "a.md", "b.md"]);
    expect(notices()).toContain("instruction files: b.md: @import of a.md is a cycle; not read again");
  });

  it(`follows imports ${MAX_IMPORT_DEPTH} deep, and reports the one beyond`, async () => {
    const { sources, notices, wire } = await setup({
      files: {
        "CLAUDE.md": "@1.md",
        "1.md": "ONE @2.md",
        "2.md": "TWO @3.md",
        "3.md": "THREE @4.md",
        "4.md": "FOUR @5.md",
        "5.md": "FIVE",
      },
    });
    expect(sources).toEqual(["CLAUDE.md", "1.md", "2.md", "3.md", "4.md"]);
    expect(wire).not.toContain("FIVE");
    expect(notices()).toContain(
      `instruction files: 4.md: @import of 5.md is more than ${MAX_IMPORT_DEPTH} imports deep; not read`,
    );
  });

  it("reports a missing import and keeps the rest; imports written as code are not imports", async () => {
    const { sources, notices, wire } = await setup({
      files: {
        "CLAUDE.md": "Rules. @gone.md\nRun `cat @quoted.md now` first.\n```\n@fenced.md\n```\nLAST LINE",
        "quoted.md": "QUOTED",
        "fenced.md": "FENCED",
      },
    });
    expect(sources).toEqual(["CLAUDE.md"]);
    expect(wire).toContain("LAST LINE");
    expect(wire).not.toContain("QUOTED");
    expect(wire).not.toContain("FENCED");
    expect(notices()).toContain("instruction files: CLAUDE.md: @import of gone.md does not exist; skipped");
  });

  it("skips a FIFO named CLAUDE.md without blocking on it, and says so", async () => {
    const { sources, notices } = await setup({
      files: { "AGENTS.md": "AGENTS BODY" },
      prepare: (workspace) => mkfifo(join(workspace, "CLAUDE.md")),
    });
    expect(sources).toEqual(["AGENTS.md"]);
    expect(notices()).toContain("instruction files: CLAUDE.md not a regular file (fifo); skipped");
  });

  it("reads a very long file but warns that every request carries it", async () => {
    const long = `${"Rule line.\n".repeat(4_000)}END OF LONG FILE`;
    const { wire, notices } = await setup({ files: { "CLAUDE.md": long } });
    expect(wire).toContain("END OF LONG FILE");
    expect(notices()).toContain(
      `instruction files: CLAUDE.md is ${long.length.toLocaleString("en-US")} characters (over 40,000): every request carries it; consider trimming it`,
    );
  });
});
