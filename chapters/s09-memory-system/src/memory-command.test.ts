// /memory through the real session: the listing of both places, open, forget (the tool's code path),
// and unreadable files named in the listing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);

const memoryFile = (name: string, type: string, description: string) =>
  `---\nname: ${name}\ndescription: ${description}\ntype: ${type}\n---\n\nBody of ${name}.\n`;

async function setup() {
  const session = await start({
    files: {
      ".lcc/memory/deploy-days.md": memoryFile("Deploy days", "project", "Deploys on Tuesdays"),
      ".lcc/memory/broken.md": "no frontmatter here\n",
    },
    script: [
      reply(
        toolUse("memory_save", {
          name: "Uses pnpm",
          description: "pnpm, never npm",
          type: "feedback",
          content: "Use pnpm.",
        }),
      ),
      reply(text("Saved.")),
    ],
  });
  const run = async (line: string) => {
    const before = session.output().length;
    await session.run(line);
    return session.output().slice(before);
  };
  return { ...session, command: run };
}

describe("/memory", () => {
  it("lists both places with type, description and path, marks this conversation's saves and names broken files", async () => {
    const session = await setup();
    await session.run("Remember that I use pnpm.");
    expect(await session.command("/memory")).toBe(
      [
        "Project memories (.lcc/memory): 1",
        "  Deploy days [project] — Deploys on Tuesdays",
        "      .lcc/memory/deploy-days.md",
        "  ⚠ .lcc/memory/broken.md: not a valid memory file (no YAML frontmatter (the file must start with a --- line)); left as it is",
        `User memories (${join(session.home, ".lcc/memory")}): 1`,
        "  Uses pnpm [feedback] — pnpm, never npm  · saved in this conversation: in the prompt from the next one",
        `      ${join(session.home, ".lcc/memory/uses-pnpm.md")}`,
        "",
      ].join("\n"),
    );
  });

  it("prints a memory's file with /memory open <name>", async () => {
    const session = await setup();
    expect(await session.command("/memory open Deploy days")).toBe(
      `.lcc/memory/deploy-days.md\n${memoryFile("Deploy days", "project", "Deploys on Tuesdays")}`,
    );
    expect(await session.command("/memory open deploy")).toBe(
      'No memory is named "deploy". /memory lists them.\n',
    );
  });

  it("deletes a memory with /memory forget <name> and leaves broken files alone", async () => {
    const session = await setup();
    expect(await session.command("/memory forget deploy days")).toContain('Did you mean "Deploy days"?');
    const said = await session.command("/memory forget Deploy days");
    expect(said).toContain('Forgot memory "Deploy days": deleted .lcc/memory/deploy-days.md.');
    expect(existsSync(join(session.workspace, ".lcc/memory/deploy-days.md"))).toBe(false);
    expect(readFileSync(join(session.workspace, ".lcc/memory/MEMORY.md"), "utf8")).toBe("");
    expect(readFileSync(join(session.workspace, ".lcc/memory/broken.md"), "utf8")).toBe(
      "no frontmatter here\n",
    );
  });

  it("says how to use it when the arguments are wrong", async () => {
    const session = await setup();
    expect(await session.command("/memory delete x")).toBe(
      "Usage: /memory, /memory open <name>, /memory forget <name>\n",
    );
  });
});
