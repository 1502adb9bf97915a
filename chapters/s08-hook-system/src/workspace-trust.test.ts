// Project hooks run only in a trusted workspace: asked once, "yes" remembered per user, user hooks
// always run, no terminal trusts (as claude -p), projectHooks: false turns project hooks off.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AskRequest, AskUser } from "@lcc/chapter-kit";
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EDITS_ALLOWED, hookEntry, makeHome, testAgentSetup } from "./test-agent.ts";
import {
  createTrustGate,
  isWorkspaceTrusted,
  rememberTrustedWorkspace,
  trustFilePath,
} from "./workspace-trust.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);

const MARK = (name: string) => hookEntry(`cat >/dev/null; touch "$CLAUDE_PROJECT_DIR/${name}"`);

function answering(key: string): { ask: AskUser; questions: AskRequest[] } {
  const questions: AskRequest[] = [];
  return {
    questions,
    ask: async (request) => {
      questions.push(request);
      return { kind: "choice", key };
    },
  };
}

describe("workspace trust", () => {
  it("asks once before the first project hook; yes runs it and is remembered in ~/.lcc/trusted.json", async () => {
    const home = await makeHome(addCleanup);
    const first = answering("y");
    const session = await start({
      script: [reply(text("a")), reply(text("b"))],
      hooks: { UserPromptSubmit: [MARK("ran")] },
      ask: first.ask,
      home,
    });
    await session.run("one");
    await session.run("two");
    expect(first.questions).toHaveLength(1);
    expect(first.questions[0]?.detail).toContain('touch "$CLAUDE_PROJECT_DIR/ran"');
    expect(existsSync(join(session.workspace, "ran"))).toBe(true);
    const trusted = JSON.parse(readFileSync(trustFilePath(home), "utf8"));
    expect(Object.keys(trusted.workspaces)).toEqual([realpathSync(session.workspace)]);

    const again = answering("n");
    const gate = createTrustGate({
      workspace: session.workspace,
      home,
      ask: again.ask,
      emit: () => {},
      commands: [],
    });
    expect(await gate(new AbortController().signal)).toBe(true);
    expect(again.questions).toHaveLength(0);
  });

  it("no skips the workspace's hooks for the session and is not remembered; the user's own hooks still run", async () => {
    const home = await makeHome(addCleanup);
    const refusing = answering("n");
    const session = await start({
      script: [reply(text("a")), reply(text("b"))],
      hooks: { UserPromptSubmit: [MARK("project-ran")] },
      userHooks: { UserPromptSubmit: [MARK("user-ran")] },
      ask: refusing.ask,
      home,
    });
    await session.run("one");
    await session.run("two");
    expect(refusing.questions).toHaveLength(1);
    expect(existsSync(join(session.workspace, "project-ran"))).toBe(false);
    expect(existsSync(join(session.workspace, "user-ran"))).toBe(true);
    expect(existsSync(trustFilePath(home))).toBe(false);
    expect(session.output()).toContain("hooks are skipped for this session");
  });

  it("without a terminal the workspace is trusted for the run, unless projectHooks is false", async () => {
    const headless = await start({ script: [reply(text("a"))], hooks: { UserPromptSubmit: [MARK("ran")] } });
    await headless.run("one");
    expect(existsSync(join(headless.workspace, "ran"))).toBe(true);
    expect(existsSync(trustFilePath(headless.home))).toBe(false);

    const off = await start({
      script: [reply(text("a"))],
      hooks: { UserPromptSubmit: [MARK("ran")] },
      options: { ...EDITS_ALLOWED, projectHooks: false },
    });
    await off.run("one");
    expect(existsSync(join(off.workspace, "ran"))).toBe(false);
  });

  it("loses no workspace when several are trusted at once (one read-modify-write at a time, under a lock)", async () => {
    const home = await makeHome(addCleanup);
    const workspaces = Array.from({ length: 12 }, (_, index) => join(home, `project${index}`));
    for (const workspace of workspaces) mkdirSync(workspace);
    await Promise.all(workspaces.map((workspace) => rememberTrustedWorkspace(home, workspace)));
    for (const workspace of workspaces) expect(await isWorkspaceTrusted(home, workspace)).toBe(true);
  });

  it("a corrupt trust file is reported and left as it is", async () => {
    const home = await makeHome(addCleanup);
    mkdirSync(join(home, ".lcc"), { recursive: true });
    writeFileSync(trustFilePath(home), "{broken");
    const session = await start({
      script: [reply(text("a"))],
      hooks: { UserPromptSubmit: [MARK("ran")] },
      ask: answering("y").ask,
      home,
    });
    await session.run("one");
    expect(existsSync(join(session.workspace, "ran"))).toBe(true);
    expect(readFileSync(trustFilePath(home), "utf8")).toBe("{broken");
    expect(session.output()).toContain("trusted for this session only");
  });
});
