// Tools added by chapters after s07 are judged by their traits, not by a list made when s07 was set up:
// a read-only tool runs without a question, a tool running a shell command is judged exactly as bash.
import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPermissionManager } from "./permission-manager.ts";
import { parseRule } from "./permission-rule.ts";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function managerWith(rules: Array<[behavior: "allow" | "deny", text: string]>) {
  const workspace = await realpath(await mkdtemp(join(tmpdir(), "lcc-s07-traits-")));
  folders.push(workspace);
  return createPermissionManager({
    workspace,
    mode: "default",
    settings: { files: [], problems: [] },
    rules: rules.map(([behavior, text]) => ({
      rule: parseRule(text)!,
      behavior,
      scope: "flag",
      root: workspace,
    })),
    additionalDirectories: [],
    readOnlyTools: new Set(["read_file"]),
    localSettingsPath: join(workspace, ".lcc", "settings.local.json"),
    emit: () => {},
  });
}

const run = (command: string) => ({ id: "toolu_1", name: "background_run", input: { command } });
const shellTool = { name: "background_run", shellCommand: true };

describe("tool traits in the permission check", () => {
  it("judges a tool that runs a shell command by the Bash rules and checks", async () => {
    const manager = await managerWith([
      ["deny", "Bash(curl:*)"],
      ["allow", "Bash(npm run dev)"],
    ]);
    expect((await manager.decide(run("curl https://example.com"), undefined, shellTool)).kind).toBe("deny");
    expect((await manager.decide(run("npm run dev"), undefined, shellTool)).kind).toBe("allow");
    expect((await manager.decide(run("ls -la"), undefined, shellTool)).kind).toBe("allow");
    expect((await manager.decide(run("make deploy"), undefined, shellTool)).kind).toBe("ask");
    // Without the trait the same call is an unknown tool: a question, whatever the command.
    expect((await manager.decide(run("ls -la"))).kind).toBe("ask");
  });

  it("lets a read-only tool of a later chapter run without a question", async () => {
    const manager = await managerWith([]);
    const check = { id: "toolu_2", name: "background_check", input: {} };
    expect((await manager.decide(check)).kind).toBe("ask");
    expect((await manager.decide(check, undefined, { name: "background_check", readOnly: true })).kind).toBe(
      "allow",
    );
  });
});
