import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  approvalFilePath,
  approvalFileProblem,
  needsApproval,
  readApproval,
  rememberApproval,
} from "./server-approval.ts";
import { type ConfiguredServer, parseServerEntry } from "./server-config.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function setup() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "lcc-mcp-approval-")));
  folders.push(root);
  const home = join(root, "home");
  const workspace = join(root, "workspace");
  mkdirSync(home);
  mkdirSync(workspace);
  return { root, home, workspace };
}

function projectServer(name: string, command = "npx"): ConfiguredServer {
  return parseServerEntry(name, { command }, { scope: "project", source: ".mcp.json", variables: {} });
}

describe("server approval", () => {
  it("keeps the file at ~/.lcc/mcp-approvals.json", () => {
    expect(approvalFilePath("/home/ada")).toBe("/home/ada/.lcc/mcp-approvals.json");
  });

  it("is unknown until answered, then remembers approved and denied per server", async () => {
    const { home, workspace } = setup();
    const everything = projectServer("everything");
    const other = projectServer("other");
    expect(await readApproval(home, workspace, everything)).toBe("unknown");
    await rememberApproval(home, workspace, everything, "approved");
    await rememberApproval(home, workspace, other, "denied");
    expect(await readApproval(home, workspace, everything)).toBe("approved");
    expect(await readApproval(home, workspace, other)).toBe("denied");
  });

  it("loses no answer when several are remembered at once (one read-modify-write at a time, under a lock)", async () => {
    const { home, workspace } = setup();
    const servers = Array.from({ length: 12 }, (_, index) => projectServer(`server${index}`));
    await Promise.all(servers.map((server) => rememberApproval(home, workspace, server, "approved")));
    for (const server of servers) expect(await readApproval(home, workspace, server)).toBe("approved");
  });

  it("writes the file with mode 0600 as JSON keyed by workspace real path, server and fingerprint", async () => {
    const { root, home, workspace } = setup();
    const link = join(root, "link");
    symlinkSync(workspace, link);
    const server = projectServer("everything");
    await rememberApproval(home, link, server, "approved");
    const path = approvalFilePath(home);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({
      workspaces: {
        [workspace]: {
          everything: { fingerprint: server.fingerprint, answer: "approved", answeredAt: expect.any(String) },
        },
      },
    });
    expect(await readApproval(home, workspace, server)).toBe("approved");
  });

  it("asks again when the server's config changed since it was approved", async () => {
    const { home, workspace } = setup();
    await rememberApproval(home, workspace, projectServer("everything", "npx"), "approved");
    expect(await readApproval(home, workspace, projectServer("everything", "curl-evil.sh"))).toBe("unknown");
  });

  it("keeps approvals of one workspace out of another", async () => {
    const { root, home, workspace } = setup();
    const elsewhere = join(root, "elsewhere");
    mkdirSync(elsewhere);
    await rememberApproval(home, workspace, projectServer("everything"), "approved");
    await rememberApproval(home, elsewhere, projectServer("x"), "denied");
    expect(await readApproval(home, elsewhere, projectServer("everything"))).toBe("unknown");
    expect(await readApproval(home, workspace, projectServer("everything"))).toBe("approved");
  });

  it("reports a corrupt file, treats it as unanswered and never overwrites it", async () => {
    const { home, workspace } = setup();
    const path = approvalFilePath(home);
    mkdirSync(join(home, ".lcc"));
    for (const text of ["{not json", '{"workspaces": []}']) {
      writeFileSync(path, text);
      expect(await readApproval(home, workspace, projectServer("everything"))).toBe("unknown");
      expect(await approvalFileProblem(home)).toMatch(/fix or remove it \(left as it is\)$/);
      await expect(
        rememberApproval(home, workspace, projectServer("everything"), "approved"),
      ).rejects.toThrow(/mcp-approvals\.json.*fix or remove it/);
      expect(readFileSync(path, "utf8")).toBe(text);
    }
  });

  it("has no problem when the file does not exist yet", async () => {
    expect(await approvalFileProblem(setup().home)).toBeUndefined();
  });

  it("needs approval for project servers and servers of workspace plugins only", () => {
    const origin = { source: "s", variables: {} };
    const entry = { command: "x" };
    expect(needsApproval(projectServer("p"))).toBe(true);
    expect(
      needsApproval(parseServerEntry("w", entry, { ...origin, scope: "plugin", fromWorkspace: true })),
    ).toBe(true);
    for (const scope of ["plugin", "user", "local", "flag"] as const)
      expect(needsApproval(parseServerEntry("h", entry, { ...origin, scope }))).toBe(false);
  });
});
