// Your package-manager section: on temp workspaces (pure reads), then in the real s10 agent, where it joins
// the stable part of the prompt, before the cache breakpoint, and stays the same for the whole session.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent } from "@lcc/s02";
import { arrangePromptSections, createPromptSetup } from "@lcc/s10";
import { reply, text } from "@lcc/testkit";
import { makeTempFolder, startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { packageManagerSection } from "./package-manager-section.ts";

const addCleanup = useCleanups();

async function workspaceWith(files: Record<string, string>): Promise<string> {
  const folder = await makeTempFolder(addCleanup, "lcc-exercise-");
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  return folder;
}

describe("packageManagerSection", () => {
  it("names the manager of the one lockfile, or none at all without one", async () => {
    const section = packageManagerSection(await workspaceWith({ "yarn.lock": "" }));
    expect(section?.name).toBe("package-manager");
    expect(section?.text ?? "(no section)").toContain("This project uses yarn (yarn.lock).");
    expect(packageManagerSection(await workspaceWith({ "README.md": "# Shop\n" }))).toBeUndefined();
  });

  it("lets package.json's packageManager decide, and asks when lockfiles disagree", async () => {
    const declared = await workspaceWith({
      "package.json": JSON.stringify({ packageManager: "pnpm@9.1.0" }),
      "package-lock.json": "{}",
    });
    expect(packageManagerSection(declared)?.text ?? "(no section)").toContain(
      "This project uses pnpm (package.json packageManager pnpm@9.1.0).",
    );
    const both = await workspaceWith({ "pnpm-lock.yaml": "", "package-lock.json": "{}" });
    expect(packageManagerSection(both)?.text ?? "(no section)").toContain(
      "lockfiles of several package managers (pnpm-lock.yaml, package-lock.json)",
    );
  });
});

describe("the section in the s10 agent", () => {
  it("sits in the cached prefix and stays byte-identical when a lockfile appears mid-session", async () => {
    const agent = await startAgentTest(addCleanup, {
      script: [reply(text("ok")), reply(text("ok"))],
      files: { "pnpm-lock.yaml": "lockfileVersion: '9.0'\n" },
      model: DEFAULT_MODEL,
      homePrefix: "lcc-exercise-home-",
      createAgent: ({ home, ...context }) =>
        createSessionAgent(async (setup) => {
          const base = await createPromptSetup(setup, { permissions: { mode: "acceptEdits" }, home });
          const section = packageManagerSection(setup.workspace);
          const sections = section ? [...base.systemSections, section] : base.systemSections;
          return { ...base, systemSections: arrangePromptSections(sections) };
        }, context),
    });
    await agent.run("Add zod.");
    await writeFile(join(agent.workspace, "package-lock.json"), "{}");
    await agent.run("Run the tests.");
    const [first, second] = agent.requests();
    const blocks = first?.body.system as Array<{ text: string; cache_control?: unknown }>;
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.cache_control).toBeDefined();
    expect(blocks[0]?.text).toContain("# Package manager\nThis project uses pnpm (pnpm-lock.yaml).");
    expect(blocks[1]?.text).not.toContain("Package manager");
    expect(second?.body.system).toEqual(first?.body.system);
  });
});
