// glob and grep name the folders and files they were not allowed to read, through ripgrep (when
// installed) and the JS walk alike; run as `nobody` in a child, since root may read anything.
import { chmod } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { canRunAsNobody } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { searchImplementations, searchWorkspaceSetup } from "./search-test-helpers.ts";
import { type SearchCall, searchUnprivileged } from "./search-unprivileged.ts";

/** Files oldest first: each later file gets a newer modification time. */
const FILES: Record<string, string> = {
  "a.txt": "needle\n",
  "secret/hidden.txt": "needle\n",
  "open/b.txt": "needle\n",
  "locked.txt": "needle\n",
};

const addCleanup = useCleanups();
const setup = searchWorkspaceSetup(addCleanup, FILES);

describe.skipIf(!canRunAsNobody(fileURLToPath(new URL("./search-unprivileged.ts", import.meta.url))))(
  "glob and grep on a workspace with unreadable folders and files (skipped when a child cannot run as nobody here)",
  () => {
    it("search what they may read and say what they skipped, with either implementation", {
      timeout: 60_000,
    }, async () => {
      const { dir } = await setup();
      await chmod(join(dir, "secret"), 0o000);
      await chmod(join(dir, "locked.txt"), 0o000);
      const inputs: Array<Omit<SearchCall, "implementation">> = [
        { tool: "glob", input: { pattern: "**/*.txt" } },
        { tool: "glob", input: { pattern: "*", path: "secret" } },
        { tool: "grep", input: { pattern: "needle" } },
        { tool: "grep", input: { pattern: "needle", path: "secret", output_mode: "content" } },
      ];
      const calls = searchImplementations.flatMap((implementation) =>
        inputs.map((call) => ({ ...call, implementation })),
      );
      const outcomes = await searchUnprivileged(dir, calls);
      for (const [index, implementation] of searchImplementations.entries()) {
        const [glob, globInside, grep, grepInside] = outcomes.slice(index * inputs.length);
        expect(glob, implementation).toMatchObject({
          content: "locked.txt\nopen/b.txt\na.txt\n\n(skipped 1 unreadable folder: secret/)",
          details: { implementation, totalFiles: 3, unreadable: ["secret/"] },
        });
        expect(globInside, implementation).toMatchObject({
          content: 'No files match "*" in secret.\n\n(skipped 1 unreadable folder: secret/)',
        });
        expect(grep, implementation).toMatchObject({
          content: "Found 2 files\nopen/b.txt\na.txt\n\n(skipped 2 unreadable paths: locked.txt, secret/)",
          details: { implementation, totalFiles: 2, unreadable: ["locked.txt", "secret/"] },
        });
        expect(grepInside, implementation).toMatchObject({
          content: 'No matches for "needle" in secret.\n\n(skipped 1 unreadable folder: secret/)',
        });
      }
    });
  },
);
