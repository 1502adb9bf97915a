// `lcc --print-prompt`: the system prompt section by section with sources and token sizes, then the text,
// with a real CLAUDE.md that @imports another file; nothing is asked of the model and no session is written.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace, startFakeApi } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { closedLoopbackURL, runLcc } from "../test-harness.ts";
import { EXIT_CODES } from "./help-text.ts";

const addCleanup = useCleanups();

const FILES = {
  "CLAUDE.md": "# Shop API\nRun the tests with pnpm test.\n@docs/style.md\n",
  "docs/style.md": "Indent with two spaces; never tabs.\n",
};

describe("lcc --print-prompt", () => {
  it("lists each section with its source and counted size, then prints the prompt with the imported file", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace({ files: FILES, git: true });
    const fake = await startFakeApi({ script: [] });
    addCleanup(workspace.cleanup, () => fake.close());
    const run = await runLcc({ args: ["--print-prompt"], cwd: workspace.dir, baseURL: fake.baseURL });
    expect(run.code).toBe(EXIT_CODES.success);
    expect(run.stdout).toMatch(/^System prompt: \d+ sections, [\d,]+ tokens \(counted\)$/m);
    expect(run.stdout).toMatch(/^ +\d+ +instructions +CLAUDE\.md +\d+ tokens \(counted\)$/m);
    expect(run.stdout).toMatch(/^ +\d+ +instructions +docs\/style\.md +\d+ tokens \(counted\)$/m);
    expect(run.stdout).toContain("cache breakpoint");
    const text = run.stdout.slice(run.stdout.indexOf("the system prompt as sent"));
    expect(text).toContain("Run the tests with pnpm test.");
    expect(text).toContain("Indent with two spaces; never tabs.");
    // Only count_tokens: no model request, no session file.
    expect(fake.messageRequests()).toHaveLength(0);
    expect(fake.requests.every((request) => request.path === "/v1/messages/count_tokens")).toBe(true);
    expect(existsSync(join(workspace.dir, ".lcc", "sessions"))).toBe(false);
  });

  it("estimates the sizes, and says so, when count_tokens cannot be reached", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace({ files: FILES });
    addCleanup(workspace.cleanup);
    const baseURL = await closedLoopbackURL();
    const run = await runLcc({ args: ["--print-prompt"], cwd: workspace.dir, baseURL });
    expect(run.code).toBe(EXIT_CODES.success);
    expect(run.stdout).toMatch(/^ +\d+ +instructions +docs\/style\.md +\d+ tokens \(estimated\)$/m);
  });

  it("works without a key (the demo model) and prints no demo banner: no tour starts", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace({ files: FILES });
    addCleanup(workspace.cleanup);
    const run = await runLcc({ args: ["--print-prompt"], cwd: workspace.dir });
    expect(run.code).toBe(EXIT_CODES.success);
    expect(run.stdout).toContain("Indent with two spaces; never tabs.");
    expect(run.stderr).not.toContain("DEMO MODE");
  });
});
