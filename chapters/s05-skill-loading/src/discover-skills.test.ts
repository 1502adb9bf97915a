// Skill discovery over real temp workspaces: the roots in order, duplicates, broken and unreadable
// files reported, and the skills this repository ships.
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { discoverSkills } from "./discover-skills.ts";

const addCleanup = useCleanups();

async function setup(files: Record<string, string>) {
  const workspace = await createTempWorkspace({ files });
  addCleanup(workspace.cleanup);
  return workspace.dir;
}

/** A FIFO, and a writer that opens it after 1.5 s: a reader that blocks on it fails the test instead of hanging it. */
function makeFifoWithLateWriter(path: string): void {
  execFileSync("mkfifo", [path]);
  const writer = spawn("sh", ["-c", 'sleep 1.5; exec 3>"$1"; sleep 1', "sh", path], { stdio: "ignore" });
  addCleanup(() => writer.kill("SIGKILL"));
}

const skillMd = (name: string | undefined, description: string) =>
  `---\n${name ? `name: ${name}\n` : ""}description: ${description}\n---\nBody of ${name ?? "a skill"}.\n`;

describe("discoverSkills", () => {
  it("finds skills/ first, then .claude/skills/, folders sorted by name", async () => {
    const dir = await setup({
      "skills/zeta/SKILL.md": skillMd("zeta", "Z."),
      "skills/alpha/SKILL.md": skillMd("alpha", "A."),
      ".claude/skills/beta/SKILL.md": skillMd("beta", "B."),
      "skills/no-skill-file/README.md": "not a skill",
    });
    const { skills, problems } = discoverSkills(dir);
    expect(skills.map((skill) => [skill.name, skill.directory])).toEqual([
      ["alpha", "skills/alpha"],
      ["zeta", "skills/zeta"],
      ["beta", ".claude/skills/beta"],
    ]);
    expect(problems).toEqual([]);
  });

  it("keeps the first skill of a name and reports the later duplicate", async () => {
    const dir = await setup({
      "skills/review/SKILL.md": skillMd("review", "From skills/."),
      ".claude/skills/review/SKILL.md": skillMd("review", "From .claude/skills/."),
    });
    const { skills, problems } = discoverSkills(dir);
    expect(skills.map((skill) => skill.description)).toEqual(["From skills/."]);
    expect(problems).toEqual([
      {
        path: ".claude/skills/review/SKILL.md",
        problem: 'duplicate skill name "review" (already defined by skills/review/SKILL.md)',
      },
    ]);
  });

  it("reports invalid skills and still loads the valid ones; the folder names a skill without a name", async () => {
    const dir = await setup({
      "skills/broken/SKILL.md": "no frontmatter here\n",
      "skills/Bad Folder/SKILL.md": skillMd(undefined, "Nameless."),
      "skills/from-folder/SKILL.md": skillMd(undefined, "Named by its folder."),
    });
    const { skills, problems } = discoverSkills(dir);
    expect(skills.map((skill) => skill.name)).toEqual(["from-folder"]);
    expect(problems.map((problem) => problem.path)).toEqual([
      "skills/Bad Folder/SKILL.md",
      "skills/broken/SKILL.md",
    ]);
  });

  it("reports a SKILL.md that is not a file instead of skipping it silently", async () => {
    const dir = await setup({
      "skills/odd/SKILL.md/README.md": "SKILL.md is a folder here",
      "skills/fine/SKILL.md": skillMd("fine", "Works."),
    });
    const { skills, problems } = discoverSkills(dir);
    expect(skills.map((skill) => skill.name)).toEqual(["fine"]);
    expect(problems).toEqual([{ path: "skills/odd/SKILL.md", problem: "not a regular file (directory)" }]);
  });

  it("skips a FIFO, a link to /dev/zero and a SKILL.md over 1 MB at once, and says why", async () => {
    const dir = await setup({
      "skills/fine/SKILL.md": skillMd("fine", "Works."),
      "skills/huge/SKILL.md": skillMd("huge", "x".repeat(1024 * 1024)),
      "skills/device/README.md": "",
      "skills/fifo/README.md": "",
    });
    makeFifoWithLateWriter(join(dir, "skills/fifo/SKILL.md"));
    symlinkSync("/dev/zero", join(dir, "skills/device/SKILL.md"));
    const started = Date.now();
    const { skills, problems } = discoverSkills(dir);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(skills.map((skill) => skill.name)).toEqual(["fine"]);
    expect(problems).toEqual([
      {
        path: "skills/device/SKILL.md",
        problem: "resolves to /dev/zero, outside the workspace (skills must live inside it)",
      },
      { path: "skills/fifo/SKILL.md", problem: "not a regular file (fifo)" },
      { path: "skills/huge/SKILL.md", problem: "larger than 1 MB" },
    ]);
  });

  it("skips a skill folder or SKILL.md that links out of the workspace, and keeps links that stay inside", async () => {
    const outside = await setup({ "stolen/SKILL.md": skillMd("stolen", "From outside.") });
    const dir = await setup({
      "shared/inside/SKILL.md": skillMd("inside", "Linked from inside."),
      "skills/by-file/README.md": "",
    });
    symlinkSync(join(outside, "stolen"), join(dir, "skills/by-folder"));
    symlinkSync(join(outside, "stolen/SKILL.md"), join(dir, "skills/by-file/SKILL.md"));
    symlinkSync(join(dir, "shared/inside"), join(dir, "skills/inside"));
    const { skills, problems } = discoverSkills(dir);
    expect(skills.map((skill) => skill.name)).toEqual(["inside"]);
    const escaped = `resolves to ${join(outside, "stolen/SKILL.md")}, outside the workspace (skills must live inside it)`;
    expect(problems).toEqual([
      { path: "skills/by-file/SKILL.md", problem: escaped },
      { path: "skills/by-folder/SKILL.md", problem: escaped },
    ]);
  });

  it("returns nothing, without error, for a workspace with no skill folders", async () => {
    expect(discoverSkills(await setup({}))).toEqual({ skills: [], problems: [] });
  });

  it("parses every skill shipped in the repository, at least one with a `description: |` block scalar", () => {
    const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
    const { skills, problems } = discoverSkills(repositoryRoot);
    const shipped = readdirSync(new URL("../../../skills", import.meta.url));
    expect(problems).toEqual([]);
    expect(skills.map((skill) => skill.name).sort()).toEqual(shipped.sort());
    expect(skills.length).toBeGreaterThanOrEqual(2);
    const blockScalar = skills.filter((skill) =>
      /^description: \|\s*$/m.test(readFileSync(skill.file, "utf8")),
    );
    expect(blockScalar.length).toBeGreaterThan(0);
    expect(blockScalar.every((skill) => skill.description.includes("\n"))).toBe(true);
  });
});
