// resolveWorkspace: --cwd over INIT_CWD over the process cwd, and a clear error for a missing directory.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { describe, expect, it } from "vitest";
import { resolveWorkspace, WorkspaceError } from "./workspace.ts";

describe("resolveWorkspace", () => {
  it("prefers --cwd, then INIT_CWD, then the process cwd", async () => {
    const temp = await createTempWorkspace();
    try {
      await mkdir(join(temp.dir, "a"));
      await mkdir(join(temp.dir, "b"));
      const a = join(temp.dir, "a");
      const b = join(temp.dir, "b");
      expect(resolveWorkspace(["--cwd", a], { INIT_CWD: b }, temp.dir)).toBe(a);
      expect(resolveWorkspace([`--cwd=${a}`], {}, temp.dir)).toBe(a);
      expect(resolveWorkspace([], { INIT_CWD: b }, temp.dir)).toBe(b);
      expect(resolveWorkspace([], {}, a)).toBe(a);
      expect(resolveWorkspace(["--cwd", "b"], { INIT_CWD: temp.dir }, a)).toBe(b);
    } finally {
      await temp.cleanup();
    }
  });

  it("refuses a missing directory with a clear error", () => {
    expect(() => resolveWorkspace(["--cwd", "/definitely/not/here"], {}, "/")).toThrow(WorkspaceError);
    expect(() => resolveWorkspace(["--cwd"], {}, "/")).toThrow("--cwd needs a directory");
  });
});
