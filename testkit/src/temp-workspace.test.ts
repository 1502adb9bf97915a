// Temporary workspaces are real directories, optionally real git repositories, and go away on cleanup.

import { execFile } from "node:child_process";
import { access, readFile, realpath } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTempWorkspace } from "./temp-workspace.ts";

const execFileAsync = promisify(execFile);

describe("createTempWorkspace", () => {
  it("writes the files, creating parent directories, under a realpath'd directory", async () => {
    const workspace = await createTempWorkspace({
      files: { "README.md": "# hi\n", "src/deep/a.ts": "export {};\n" },
    });
    try {
      expect(await realpath(workspace.dir)).toBe(workspace.dir);
      expect(await readFile(join(workspace.dir, "src/deep/a.ts"), "utf8")).toBe("export {};\n");
    } finally {
      await workspace.cleanup();
    }
    await expect(access(workspace.dir)).rejects.toThrow();
  });

  it("initialises git on main with the files in one commit", async () => {
    const workspace = await createTempWorkspace({ files: { "a.txt": "a\n" }, git: true });
    try {
      const git = async (...args: string[]) =>
        (await execFileAsync("git", args, { cwd: workspace.dir })).stdout.trim();
      expect(await git("branch", "--show-current")).toBe("main");
      expect(await git("log", "--format=%s")).toBe("initial commit");
      expect(await git("ls-files")).toBe("a.txt");
      expect(await git("status", "--porcelain")).toBe("");
    } finally {
      await workspace.cleanup();
    }
  });
});
