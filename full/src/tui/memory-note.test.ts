// `#text` saved through s09's real memory library in temp folders: named after its first words, in the chosen
// place, never overwriting another memory, secrets refused, failures reported as a line.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createMemoryLibrary, type MemoryLibrary } from "@lcc/s09";
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { NOTE_NAME_MAX_CHARS, nameOf, saveMemoryNote } from "./memory-note.ts";

const addCleanup = useCleanups();

async function setup(): Promise<{ library: MemoryLibrary; projectFolder: string; userFolder: string }> {
  const workspace = await makeTempFolder(addCleanup, "lcc-note-");
  const home = await makeTempFolder(addCleanup, "lcc-note-home-");
  const projectFolder = join(workspace, ".lcc", "memory");
  const userFolder = join(home, ".lcc", "memory");
  return {
    library: createMemoryLibrary({ workspace, projectFolder, userFolder }),
    projectFolder,
    userFolder,
  };
}

describe("saveMemoryNote", () => {
  it("saves the note as a project memory and says where", async () => {
    const { library, projectFolder } = await setup();
    const line = await saveMemoryNote(library, "  run the tests   with pnpm test ", "project");
    expect(line).toBe(
      'Saved to project memory as "run the tests with pnpm test" (.lcc/memory/run-the-tests-with-pnpm-test.md).',
    );
    expect(await readFile(join(projectFolder, "run-the-tests-with-pnpm-test.md"), "utf8")).toBe(
      "---\nname: run the tests with pnpm test\ndescription: run the tests with pnpm test\ntype: project\n---\n\n" +
        "run the tests with pnpm test\n",
    );
  });

  it("saves a user memory in the user's folder", async () => {
    const { library, userFolder } = await setup();
    const line = await saveMemoryNote(library, "I prefer short answers", "user");
    expect(line).toBe(
      `Saved to user memory (every project) as "I prefer short answers" (${join(userFolder, "i-prefer-short-answers.md")}).`,
    );
    expect(await readFile(join(userFolder, "i-prefer-short-answers.md"), "utf8")).toContain("type: user");
  });

  it("names a long note after its first words, cut at a word", () => {
    const note = "always run the linter before committing because the CI rejects unformatted code anyway";
    expect(nameOf(note)).toBe("always run the linter before committing because the CI…");
    expect(nameOf(note).length).toBeLessThanOrEqual(NOTE_NAME_MAX_CHARS);
  });

  it("never overwrites another memory of the same name, but updates the same note", async () => {
    const { library } = await setup();
    const prefix = "deploys happen on tuesdays after the standup and never on fridays";
    await saveMemoryNote(library, `${prefix}, ok`, "project");
    const second = await saveMemoryNote(library, `${prefix}, really`, "project");
    expect(second).toContain(`"${nameOf(prefix)} (2)"`);
    const again = await saveMemoryNote(library, `${prefix}, ok`, "project");
    expect(again).toContain(`"${nameOf(prefix)}"`);
    const names = (await library.listAll()).flatMap((listing) =>
      listing.memories.map((memory) => memory.content),
    );
    expect(names.sort()).toEqual([`${prefix}, ok`, `${prefix}, really`]);
  });

  it("shows s09's refusal for a secret and saves nothing", async () => {
    const { library } = await setup();
    const line = await saveMemoryNote(
      library,
      "the key is sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789",
      "project",
    );
    expect(line).toMatch(/^Not saved: this memory seems to contain an Anthropic API key/);
    expect((await library.listAll()).flatMap((listing) => listing.memories)).toEqual([]);
  });

  it("reports an empty note, an over-long one and a folder that cannot be written, without throwing", async () => {
    const { library, projectFolder } = await setup();
    expect(await saveMemoryNote(library, "   ", "project")).toBe(
      "Nothing to remember: type the note after #.",
    );
    expect(await saveMemoryNote(library, "x ".repeat(20_001), "project")).toBe(
      "Not saved: a memory holds at most 20,000 characters.",
    );
    await writeFile(join(projectFolder, "..", "..", ".lcc"), "a file where the folder should be");
    expect(await saveMemoryNote(library, "a note", "project")).toMatch(/^Not saved: /);
  });
});
