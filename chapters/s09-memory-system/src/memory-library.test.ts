// The memory places on disk: create and update by exact name, slug collisions, moves between places,
// forget, the regenerated index and its cap, and unreadable files reported and never touched.
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import type { MemoryRecord } from "./memory-file.ts";
import { createMemoryLibrary } from "./memory-library.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await makeTempFolder(addCleanup, "lcc-s09-library-");
  const home = await makeTempFolder(addCleanup, "lcc-s09-home-");
  const projectFolder = join(workspace, ".lcc", "memory");
  const userFolder = join(home, ".lcc", "memory");
  const library = createMemoryLibrary({ workspace, projectFolder, userFolder });
  const index = (folder: string) => readFile(join(folder, "MEMORY.md"), "utf8");
  return { workspace, library, projectFolder, userFolder, index };
}

const memory = (name: string, overrides: Partial<MemoryRecord> = {}): MemoryRecord => ({
  name,
  description: `about ${name}`,
  type: "project",
  content: `content of ${name}`,
  ...overrides,
});

describe("the memory library", () => {
  it("writes a memory file with frontmatter, private, and lists it in the place's index", async () => {
    const { library, projectFolder, index } = await setup();
    const outcome = await library.save(memory("Deploy days", { content: "Deploys happen on Tuesdays." }));
    expect(outcome).toMatchObject({ kind: "saved", scope: "project", created: true });
    const path = join(projectFolder, "deploy-days.md");
    expect(await readFile(path, "utf8")).toBe(
      "---\nname: Deploy days\ndescription: about Deploy days\ntype: project\n---\n\nDeploys happen on Tuesdays.\n",
    );
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(projectFolder)).mode & 0o777).toBe(0o700);
    expect(await index(projectFolder)).toBe("- [Deploy days](deploy-days.md) — about Deploy days\n");
  });

  it("keeps user and feedback memories in the user folder, project and reference in the project's", async () => {
    const { library, projectFolder, userFolder } = await setup();
    for (const type of ["user", "feedback", "project", "reference"] as const)
      await library.save(memory(`a ${type} memory`, { type }));
    expect((await readdir(userFolder)).filter((file) => file.endsWith(".md")).sort()).toEqual([
      "MEMORY.md",
      "a-feedback-memory.md",
      "a-user-memory.md",
    ]);
    expect((await readdir(projectFolder)).filter((file) => file.endsWith(".md")).sort()).toEqual([
      "MEMORY.md",
      "a-project-memory.md",
      "a-reference-memory.md",
    ]);
  });

  it("gives names that slug alike their own files and updates only on the exact name", async () => {
    const { library, projectFolder, index } = await setup();
    await library.save(memory("API keys", { content: "first" }));
    await library.save(memory("api-keys", { content: "second" }));
    const update = await library.save(memory("API keys", { content: "first, updated" }));
    expect(update).toMatchObject({ kind: "saved", created: false });
    expect(await readFile(join(projectFolder, "api-keys.md"), "utf8")).toContain("first, updated");
    expect(await readFile(join(projectFolder, "api-keys-2.md"), "utf8")).toContain("second");
    expect((await index(projectFolder)).split("\n").filter(Boolean)).toHaveLength(2);
  });

  it("moves a memory whose type now belongs to the other place", async () => {
    const { library, projectFolder, userFolder, index } = await setup();
    await library.save(memory("Prefers pnpm", { type: "project" }));
    const moved = await library.save(memory("Prefers pnpm", { type: "user" }));
    expect(moved).toMatchObject({
      kind: "saved",
      scope: "user",
      movedFrom: join(projectFolder, "prefers-pnpm.md"),
    });
    expect(await readdir(projectFolder)).not.toContain("prefers-pnpm.md");
    expect(await index(projectFolder)).toBe("");
    expect(await index(userFolder)).toContain("[Prefers pnpm](prefers-pnpm.md)");
  });

  it("forgets by exact name, suggests near names, and regenerates the index", async () => {
    const { library, projectFolder, index } = await setup();
    await library.save(memory("Deploy days"));
    expect(await library.forget("deploy days")).toMatchObject({ forgotten: [], similar: ["Deploy days"] });
    const outcome = await library.forget("Deploy days");
    expect(outcome.forgotten.map((entry) => entry.file)).toEqual(["deploy-days.md"]);
    expect(await readdir(projectFolder)).not.toContain("deploy-days.md");
    expect(await index(projectFolder)).toBe("");
    expect(library.changes().forgotten.has("Deploy days")).toBe(true);
  });

  it("reports a corrupt memory file with its path and leaves it byte for byte, even when its slug is wanted", async () => {
    const { library, projectFolder, index } = await setup();
    await mkdir(projectFolder, { recursive: true });
    const corrupt = join(projectFolder, "api-keys.md");
    const bytes = "---\nname: API keys\ntype: [unclosed\n---\nhand-edited\n";
    await writeFile(corrupt, bytes);
    const outcome = await library.save(memory("API keys"));
    expect(outcome).toMatchObject({
      kind: "saved",
      memory: { file: "api-keys-2.md" },
      problems: [
        {
          path: corrupt,
          problem: expect.stringMatching(/^not a valid memory file \(invalid YAML frontmatter/),
        },
      ],
    });
    await library.forget("API keys");
    expect(await readFile(corrupt, "utf8")).toBe(bytes);
    expect(await index(projectFolder)).toBe("");
    const listing = await library.listAll();
    expect(listing[0]?.problems.map((problem) => problem.path)).toEqual([corrupt]);
  });

  it("refuses content that looks like a secret and writes nothing", async () => {
    const { library, projectFolder } = await setup();
    const outcome = await library.save(
      memory("Anthropic key", { content: "sk-ant-api03-abcdefghijklmnopqrstuvwxyz" }),
    );
    expect(outcome).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("an Anthropic API key"),
    });
    expect(await readdir(projectFolder).catch(() => [])).toEqual([]);
  });

  it("caps the index at 200 lines and names the memories that did not fit", async () => {
    const { library, projectFolder, index } = await setup();
    await mkdir(projectFolder, { recursive: true });
    for (let number = 0; number < 201; number++) {
      const name = `note ${String(number).padStart(3, "0")}`;
      await writeFile(
        join(projectFolder, `n${number}.md`),
        `---\nname: ${name}\ndescription: d\ntype: project\n---\nx\n`,
      );
    }
    await library.save(memory("zz last"));
    const lines = (await index(projectFolder)).trimEnd().split("\n");
    expect(lines).toHaveLength(200);
    expect(lines.at(-1)).toBe(
      "- 3 more, not listed above (the index holds 200 lines): note 199, note 200, zz last",
    );
  });

  it("reports a memory folder it cannot read instead of failing", async () => {
    const workspace = await makeTempFolder(addCleanup, "lcc-s09-library-");
    await mkdir(join(workspace, ".lcc"), { recursive: true });
    await writeFile(join(workspace, ".lcc", "memory"), "a file where the folder should be");
    const library = createMemoryLibrary({
      workspace,
      projectFolder: join(workspace, ".lcc", "memory"),
      userFolder: join(workspace, "home"),
    });
    const [project] = await library.listAll();
    expect(project?.problems).toEqual([
      {
        path: join(workspace, ".lcc", "memory"),
        problem: expect.stringMatching(/^the memory folder cannot be read \(ENOTDIR/),
      },
    ]);
  });

  it("treats one folder for both places as one place", async () => {
    const workspace = await makeTempFolder(addCleanup, "lcc-s09-library-");
    const folder = join(workspace, ".lcc", "memory");
    const library = createMemoryLibrary({ workspace, projectFolder: folder, userFolder: folder });
    await library.save(memory("mine", { type: "user" }));
    await library.save(memory("ours", { type: "project" }));
    expect(library.places).toHaveLength(1);
    expect((await readFile(join(folder, "MEMORY.md"), "utf8")).split("\n").filter(Boolean)).toHaveLength(2);
  });
});
