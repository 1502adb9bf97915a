// `/permissions allow|ask|deny|remove <rule>` through the real s07 session: what lands in
// `.lcc/settings.local.json`, and the next tool call (no terminal) decided by the changed rules at once.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());
type Session = Awaited<ReturnType<typeof start>>;

/** Runs a slash command through the session and returns what it wrote. */
async function command(session: Session, line: string): Promise<string> {
  let written = "";
  const found = await session.agent.runCommand(line, new AbortController().signal, (chunk) => {
    written += chunk;
  });
  expect(found).toBe(true);
  return written;
}

const localSettings = (session: Session) => join(session.workspace, ".lcc", "settings.local.json");
const readJson = async (path: string) => JSON.parse(await readFile(path, "utf8")) as unknown;
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

function lastToolResult(request: RecordedRequest | undefined): Anthropic.ToolResultBlockParam | undefined {
  const blocks = (request?.body.messages ?? []).flatMap((message) =>
    Array.isArray(message.content) ? (message.content as Anthropic.ContentBlockParam[]) : [],
  );
  return blocks
    .filter((block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result")
    .at(-1);
}

const touch = (id: string) => reply(toolUse("bash", { command: "touch made.txt" }, id));

describe("/permissions allow, ask, deny and remove", () => {
  it("allow saves the rule to .lcc/settings.local.json and the next call runs without asking", async () => {
    const session = await start({ script: [touch("toolu_1"), reply(text("Made."))] });
    const said = await command(session, "/permissions allow Bash(touch:*)");
    expect(said).toContain(`allow Bash(touch:*): saved to ${localSettings(session)}`);
    expect(await readJson(localSettings(session))).toEqual({ permissions: { allow: ["Bash(touch:*)"] } });
    await session.run("Make the file.");
    expect(lastToolResult(session.requests()[1])?.is_error).toBeFalsy();
    expect(await exists(join(session.workspace, "made.txt"))).toBe(true);
    expect(await command(session, "/permissions")).toContain(
      `allow Bash(touch:*)  ← ${localSettings(session)}`,
    );
    assertPairingInvariant(session.requests());
  });

  it("deny and ask change what a read-only call gets at once, and keep the rest of the file", async () => {
    const session = await start({
      script: [
        reply(toolUse("read_file", { path: "secret.txt" }, "toolu_r")),
        reply(toolUse("bash", { command: "ls" }, "toolu_l")),
        reply(text("Both refused.")),
      ],
      files: { "secret.txt": "s3cret\n", ".lcc/settings.local.json": '{"model":"x","permissions":{}}' },
    });
    await command(session, "/permissions deny Read(./secret.txt)");
    await command(session, "/permissions ask Bash(ls)");
    expect(await readJson(localSettings(session))).toEqual({
      model: "x",
      permissions: { deny: ["Read(./secret.txt)"], ask: ["Bash(ls)"] },
    });
    await session.run("Read the secret, then list.");
    const readResult = lastToolResult(session.requests()[1]);
    expect(readResult?.is_error).toBe(true);
    expect(JSON.stringify(readResult)).not.toContain("s3cret");
    expect(lastToolResult(session.requests()[2])?.is_error).toBe(true);
    assertPairingInvariant(session.requests());
  });

  it("remove takes the rule out of the file and the session; the next call is refused again", async () => {
    const session = await start({
      script: [touch("toolu_1"), reply(text("Refused."))],
      files: {
        ".lcc/settings.local.json": JSON.stringify({ permissions: { allow: ["Bash(touch:*)", "Read"] } }),
      },
    });
    const said = await command(session, "/permissions remove Bash( touch:* )");
    expect(said).toContain(`removed Bash(touch:*) (allow) from ${localSettings(session)}`);
    expect(await readJson(localSettings(session))).toEqual({ permissions: { allow: ["Read"] } });
    await session.run("Make the file.");
    expect(lastToolResult(session.requests()[1])?.is_error).toBe(true);
    expect(await exists(join(session.workspace, "made.txt"))).toBe(false);
  });

  it("remove leaves a rule from another settings file alone and names the file to edit", async () => {
    const project = JSON.stringify({ permissions: { deny: ["Bash(curl:*)"] } });
    const session = await start({
      script: [reply(text("unused"))],
      files: { ".claude/settings.json": project },
    });
    const said = await command(session, "/permissions remove Bash(curl:*)");
    expect(said).toContain(
      `Bash(curl:*) (deny) stays: it is in ${join(session.workspace, ".claude/settings.json")}; edit that file`,
    );
    expect(await readFile(join(session.workspace, ".claude/settings.json"), "utf8")).toBe(project);
    expect(session.agent.setup.permissions.rules().map((entry) => entry.behavior)).toEqual(["deny"]);
    expect(await command(session, "/permissions remove Bash(git push:*)")).toBe(
      `no rule Bash(git push:*) in ${localSettings(session)}\n`,
    );
  });

  it("answers a bad rule or action with how to write one, and writes nothing", async () => {
    const session = await start({ script: [reply(text("unused"))] });
    expect(await command(session, "/permissions allow Bash(npm test")).toContain(
      '"Bash(npm test" is not a rule: write Tool or Tool(content)',
    );
    expect(await command(session, "/permissions deny")).toContain('"" is not a rule');
    expect(await command(session, "/permissions grant Bash")).toContain(
      'unknown /permissions action "grant"',
    );
    expect(await exists(localSettings(session))).toBe(false);
    expect(session.agent.setup.permissions.rules()).toEqual([]);
  });

  it("never replaces a corrupt settings file: the rule holds for this session only", async () => {
    const session = await start({
      script: [touch("toolu_1"), reply(text("Made."))],
      files: { ".lcc/settings.local.json": "{ not json" },
    });
    const said = await command(session, "/permissions allow Bash(touch:*)");
    expect(said).toContain("was left as it is");
    expect(said).toContain("holds for this session only");
    expect(await readFile(localSettings(session), "utf8")).toBe("{ not json");
    await session.run("Make the file.");
    expect(await exists(join(session.workspace, "made.txt"))).toBe(true);
  });
});
