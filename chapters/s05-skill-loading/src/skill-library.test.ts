// The skill library over a real workspace: bodies read on demand, the latest edit picked up, and a
// SKILL.md swapped for a link out of the workspace or a FIFO after discovery refused, not read.
import { execFileSync, spawn } from "node:child_process";
import { rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createSkillLibrary } from "./skill-library.ts";

const addCleanup = useCleanups();

async function setup(files: Record<string, string>) {
  const workspace = await createTempWorkspace({ files });
  addCleanup(workspace.cleanup);
  return workspace.dir;
}

const skillMd = (name: string, body: string) => `---\nname: ${name}\ndescription: ${name}.\n---\n${body}\n`;

describe("createSkillLibrary", () => {
  it("loads a body on demand, picks up an edit, and lists each loaded skill once, latest last", async () => {
    const dir = await setup({
      "skills/alpha/SKILL.md": skillMd("alpha", "Alpha v1."),
      "skills/beta/SKILL.md": skillMd("beta", "Beta."),
    });
    const library = createSkillLibrary(dir);
    expect((await library.load("alpha")).body).toBe("Alpha v1.");
    await library.load("beta");
    writeFileSync(join(dir, "skills/alpha/SKILL.md"), skillMd("alpha", "Alpha v2."));
    expect((await library.load("alpha")).body).toBe("Alpha v2.");
    expect(library.loaded().map((entry) => [entry.skill.name, entry.body])).toEqual([
      ["beta", "Beta."],
      ["alpha", "Alpha v2."],
    ]);
    await expect(library.load("gamma")).rejects.toThrow('Unknown skill "gamma"');
  });

  it("refuses a SKILL.md replaced after discovery by a link out of the workspace", async () => {
    const outside = await setup({ "secret.md": skillMd("alpha", "Outside text.") });
    const dir = await setup({ "skills/alpha/SKILL.md": skillMd("alpha", "Alpha.") });
    const library = createSkillLibrary(dir);
    rmSync(join(dir, "skills/alpha/SKILL.md"));
    symlinkSync(join(outside, "secret.md"), join(dir, "skills/alpha/SKILL.md"));
    await expect(library.load("alpha")).rejects.toThrow(
      `skills/alpha/SKILL.md cannot be loaded: resolves to ${join(outside, "secret.md")}, outside the workspace`,
    );
  });

  it("refuses a SKILL.md replaced after discovery by a FIFO, at once", async () => {
    const dir = await setup({ "skills/alpha/SKILL.md": skillMd("alpha", "Alpha.") });
    const library = createSkillLibrary(dir);
    const file = join(dir, "skills/alpha/SKILL.md");
    rmSync(file);
    execFileSync("mkfifo", [file]);
    // A writer that would release a blocked reader after 1.5 s, so a regression fails instead of hanging.
    const writer = spawn("sh", ["-c", 'sleep 1.5; exec 3>"$1"; sleep 1', "sh", file], { stdio: "ignore" });
    addCleanup(() => writer.kill("SIGKILL"));
    const started = Date.now();
    await expect(library.load("alpha")).rejects.toThrow(
      "skills/alpha/SKILL.md cannot be loaded: not a regular file (fifo)",
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
