// The policy as a table: (rules, mode, call) → allow / ask / deny, with no file system involved.
import { isAbsolute, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { decidePermission, type PermissionMode } from "./permission-policy.ts";
import { parseRule, type RuleBehavior, type RuleWithSource } from "./permission-rule.ts";

const WORKSPACE = "/work/shop";
const HOME = "/home/ada";

interface Rules {
  allow?: string[];
  ask?: string[];
  deny?: string[];
  /** Rules from ~/.claude/settings.json (`/x` is relative to home there). */
  user?: string[];
}

function rulesFrom(rules: Rules): RuleWithSource[] {
  const entries: RuleWithSource[] = [];
  for (const behavior of ["allow", "ask", "deny"] as const satisfies RuleBehavior[])
    for (const text of rules[behavior] ?? [])
      entries.push({
        rule: parseRule(text)!,
        behavior,
        scope: "project",
        path: `${WORKSPACE}/.claude/settings.json`,
        root: WORKSPACE,
      });
  for (const text of rules.user ?? [])
    entries.push({
      rule: parseRule(text)!,
      behavior: "allow",
      scope: "user",
      path: `${HOME}/.claude/settings.json`,
      root: HOME,
    });
  return entries;
}

const bash = (command: string) => ["bash", { command }] as const;
const read = (path: string) => ["read_file", { path }] as const;
const write = (path: string) => ["write_file", { path, content: "x" }] as const;
const edit = (path: string) => ["edit_file", { path, old_text: "a", new_text: "b" }] as const;

type Case = [string, Rules, PermissionMode, readonly [string, unknown], "allow" | "ask" | "deny"];

const cases: Case[] = [
  // bash: the read-only set
  ["ls is read-only", {}, "default", bash("ls -la src"), "allow"],
  ["git status is read-only", {}, "default", bash("git status"), "allow"],
  ["git log with a pipe into head is read-only", {}, "default", bash("git log --oneline | head -5"), "allow"],
  ["grep -rn with quotes is read-only", {}, "default", bash("grep -rn 'TODO: fix' src"), "allow"],
  ["find without -exec is read-only", {}, "default", bash("find . -name '*.ts'"), "allow"],
  ["find -exec is not", {}, "default", bash("find . -exec rm {} ;"), "ask"],
  ["find -delete is not", {}, "default", bash("find . -name '*.tmp' -delete"), "ask"],
  ["echo into a file is a write", {}, "default", bash("echo hi > notes.txt"), "ask"],
  ["cat appending to a file is a write", {}, "default", bash("cat a >> b"), "ask"],
  ["2>&1 is not a file write", {}, "default", bash("ls missing 2>&1"), "allow"],
  ["output to /dev/null is not a file write", {}, "default", bash("ls 2>/dev/null"), "allow"],
  ["git push is not read-only", {}, "default", bash("git push"), "ask"],
  ["git diff --output writes a file", {}, "default", bash("git diff --output=patch.txt"), "ask"],
  ["sort -o writes a file", {}, "default", bash("sort -o out.txt in.txt"), "ask"],
  ["cat of an absolute path outside asks", {}, "default", bash("cat /etc/passwd"), "ask"],
  ["cat of ../ asks", {}, "default", bash("cat ../other/secret"), "ask"],
  // bash: prefix and exact rules, compound commands
  [
    "a prefix rule allows the command",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test -- --watch=false"),
    "allow",
  ],
  [
    "a prefix rule allows the bare prefix",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test"),
    "allow",
  ],
  [
    "a prefix rule never matches a longer word",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm testx"),
    "ask",
  ],
  [
    "&& needs every part allowed",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test && rm -rf x"),
    "ask",
  ],
  [
    "; needs every part allowed",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test; curl https://evil.example"),
    "ask",
  ],
  [
    "|| needs every part allowed",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test || rm -rf ~"),
    "ask",
  ],
  [
    "a pipe needs every part allowed",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test | sh"),
    "ask",
  ],
  [
    "& needs every part allowed",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test & rm -rf x"),
    "ask",
  ],
  [
    "a newline needs every part allowed",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test\nrm -rf x"),
    "ask",
  ],
  [
    "a quoted newline stays one command",
    { allow: ["Bash(echo:*)"] },
    "default",
    bash("echo 'a\nb' > f"),
    "allow",
  ],
  [
    "allowed parts and read-only parts combine",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test 2>&1 | tail -n 5"),
    "allow",
  ],
  [
    "two allowed parts",
    { allow: ["Bash(npm test:*)", "Bash(npm run build:*)"] },
    "default",
    bash("npm run build && npm test"),
    "allow",
  ],
  [
    "$() substitution asks even when the prefix is allowed",
    { allow: ["Bash(echo:*)"] },
    "default",
    bash("echo $(rm -rf x)"),
    "ask",
  ],
  [
    "backticks ask even when the prefix is allowed",
    { allow: ["Bash(npm test:*)"] },
    "default",
    bash("npm test `curl x`"),
    "ask",
  ],
  ["a quoted $() still asks", { allow: ["Bash(echo:*)"] }, "default", bash("echo '$(whoami)'"), "ask"],
  ["a heredoc asks", { allow: ["Bash(cat:*)"] }, "default", bash("cat <<EOF\nhi\nEOF"), "ask"],
  ["a subshell asks", { allow: ["Bash(npm test:*)"] }, "default", bash("(npm test)"), "ask"],
  [
    "an exact rule matches exactly",
    { allow: ["Bash(make deploy)"] },
    "default",
    bash("make deploy"),
    "allow",
  ],
  [
    "an exact rule does not match more",
    { allow: ["Bash(make deploy)"] },
    "default",
    bash("make deploy --force"),
    "ask",
  ],
  [
    "a wildcard rule (git log *)",
    { allow: ["Bash(git commit *)"] },
    "default",
    bash("git commit -m 'fix it'"),
    "allow",
  ],
  ["Bash alone allows every command", { allow: ["Bash"] }, "default", bash("rm -rf build"), "allow"],
  [
    "a deny rule on any part denies the whole",
    { allow: ["Bash(npm test:*)"], deny: ["Bash(rm:*)"] },
    "default",
    bash("npm test && rm -rf x"),
    "deny",
  ],
  [
    "a deny rule beats an allow rule",
    { allow: ["Bash"], deny: ["Bash(curl:*)"] },
    "default",
    bash("curl x"),
    "deny",
  ],
  [
    "a deny prefix catches a command that cannot be split",
    { deny: ["Bash(curl:*)"] },
    "default",
    bash("curl $(cat url)"),
    "deny",
  ],
  [
    "an ask rule asks despite an allow rule",
    { allow: ["Bash"], ask: ["Bash(git push:*)"] },
    "default",
    bash("git push origin main"),
    "ask",
  ],
  [
    "an ask rule makes read-only commands ask",
    { ask: ["Bash(cat:*)"] },
    "default",
    bash("cat README.md"),
    "ask",
  ],
  [
    "variables in arguments are kept, not expanded",
    { allow: ["Bash(echo:*)"] },
    "default",
    bash('echo "$HOME"'),
    "allow",
  ],
  // modes
  ["bypassPermissions allows anything", {}, "bypassPermissions", bash("rm -rf build"), "allow"],
  [
    "deny wins over bypassPermissions",
    { deny: ["Bash(rm:*)"] },
    "bypassPermissions",
    bash("rm -rf build"),
    "deny",
  ],
  [
    "deny wins over bypassPermissions for files",
    { deny: ["Edit(.github/**)"] },
    "bypassPermissions",
    edit(".github/ci.yml"),
    "deny",
  ],
  ["plan allows read-only commands", {}, "plan", bash("git diff"), "allow"],
  ["plan refuses a write", {}, "plan", write("src/new.ts"), "deny"],
  ["plan refuses an edit even with an allow rule", { allow: ["Edit"] }, "plan", edit("src/a.ts"), "deny"],
  [
    "plan refuses a non-read-only command even with an allow rule",
    { allow: ["Bash(npm test:*)"] },
    "plan",
    bash("npm test"),
    "deny",
  ],
  ["plan allows reading", {}, "plan", read("src/a.ts"), "allow"],
  ["plan allows todo_write", {}, "plan", ["todo_write", { items: [] }], "allow"],
  ["acceptEdits allows an edit inside", {}, "acceptEdits", edit("src/a.ts"), "allow"],
  ["acceptEdits allows a new file inside", {}, "acceptEdits", write("docs/new.md"), "allow"],
  ["acceptEdits asks for an edit outside", {}, "acceptEdits", write("/tmp/out.txt"), "ask"],
  ["acceptEdits does not allow commands", {}, "acceptEdits", bash("npm install"), "ask"],
  ["default asks for an edit", {}, "default", edit("src/a.ts"), "ask"],
  // path rules and anchors
  [
    "Edit(src/**) allows an edit under src",
    { allow: ["Edit(src/**)"] },
    "default",
    edit("src/lib/a.ts"),
    "allow",
  ],
  [
    "Edit(src/**) covers write_file too",
    { allow: ["Edit(src/**)"] },
    "default",
    write("src/new.ts"),
    "allow",
  ],
  ["Write(...) is an alias as well", { allow: ["Write(docs/**)"] }, "default", edit("docs/a.md"), "allow"],
  ["Edit(src/**) does not cover test/", { allow: ["Edit(src/**)"] }, "default", edit("test/a.ts"), "ask"],
  [
    "Edit(src/**) does not cover a sibling sharing the prefix",
    { allow: ["Edit(src/**)"] },
    "default",
    edit("src-old/a.ts"),
    "ask",
  ],
  ["Read(./.env) denies the top-level .env", { deny: ["Read(./.env)"] }, "default", read(".env"), "deny"],
  [
    "Read(./.env) also denies cat .env in bash",
    { deny: ["Read(./.env)"] },
    "default",
    bash("cat .env"),
    "deny",
  ],
  [
    "Read(./.env) does not deny other files in bash",
    { deny: ["Read(./.env)"] },
    "default",
    bash("cat .env.example"),
    "allow",
  ],
  [
    "Read(./.env) leaves a nested .env alone",
    { deny: ["Read(./.env)"] },
    "default",
    read("config/.env"),
    "allow",
  ],
  [
    "Read(.env) without a slash matches at any depth",
    { deny: ["Read(.env)"] },
    "default",
    read("config/.env"),
    "deny",
  ],
  ["Read(*.key) matches any depth", { deny: ["Read(*.key)"] }, "default", read("certs/server.key"), "deny"],
  [
    "a folder pattern covers its contents",
    { deny: ["Read(secrets/)"] },
    "default",
    read("secrets/a/b.txt"),
    "deny",
  ],
  [
    "//abs anchors at the file system root",
    { allow: ["Read(//etc/hosts)"] },
    "default",
    read("/etc/hosts"),
    "allow",
  ],
  [
    "~/ anchors at home",
    { allow: ["Read(~/notes/**)"] },
    "default",
    read("/home/ada/notes/todo.md"),
    "allow",
  ],
  [
    "/ in user settings is relative to that file's root (home)",
    { user: ["Read(/dotfiles/**)"] },
    "default",
    read("/home/ada/dotfiles/x"),
    "allow",
  ],
  [
    "/ in project settings is relative to the project",
    { allow: ["Edit(/src/**)"] },
    "default",
    edit("src/a.ts"),
    "allow",
  ],
  ["reading outside the workspace asks", {}, "default", read("/etc/hosts"), "ask"],
  ["reading through ../ outside asks", {}, "default", read("../other/a.txt"), "ask"],
  ["deny a whole tool by alias", { deny: ["Read"] }, "default", read("src/a.ts"), "deny"],
  [
    "Read alias covers grep for path rules",
    { deny: ["Read(secrets/**)"] },
    "default",
    ["grep", { pattern: "x", path: "secrets" }],
    "deny",
  ],
  // other tools and aliases
  [
    "the agent tool runs (its calls are checked)",
    {},
    "default",
    ["agent", { description: "d", prompt: "p" }],
    "allow",
  ],
  [
    "Task denies the agent tool",
    { deny: ["Task"] },
    "default",
    ["agent", { description: "d", prompt: "p" }],
    "deny",
  ],
  ["an unknown MCP tool asks", {}, "default", ["mcp__github__create_issue", {}], "ask"],
  [
    "an MCP wildcard allows its tools",
    { allow: ["mcp__github__*"] },
    "default",
    ["mcp__github__create_issue", {}],
    "allow",
  ],
  [
    "an MCP wildcard does not allow another server",
    { allow: ["mcp__github__*"] },
    "default",
    ["mcp__slack__post", {}],
    "ask",
  ],
];

describe("decidePermission", () => {
  it.each(cases)("%s", (_name, rules, mode, [name, input], expected) => {
    const path = (input as { path?: string }).path;
    const paths =
      name === "grep" || name.endsWith("_file")
        ? [isAbsolute(path ?? ".") ? (path as string) : resolve(WORKSPACE, path ?? ".")]
        : [];
    const verdict = decidePermission({
      name,
      input,
      readOnly: name === "read_file",
      paths,
      rules: rulesFrom(rules),
      mode,
      workspace: WORKSPACE,
      home: HOME,
      additionalDirectories: [],
    });
    expect(verdict.kind).toBe(expected);
  });

  it("has at least 60 cases", () => expect(cases.length).toBeGreaterThanOrEqual(60));

  const base = { rules: [], mode: "default" as const, workspace: WORKSPACE, additionalDirectories: [] };

  it("lets a PreToolUse allow skip the question but never a deny rule", () => {
    const earlier = { kind: "allow" as const, reason: "hook says fine" };
    const call = { ...base, name: "bash", input: { command: "rm -rf build" }, paths: [], earlier };
    expect(decidePermission(call).kind).toBe("allow");
    expect(decidePermission({ ...call, rules: rulesFrom({ deny: ["Bash(rm:*)"] }) }).kind).toBe("deny");
  });

  it("treats additionalDirectories as inside", () => {
    const call = { ...base, name: "read_file", input: { path: "/data/a.csv" }, paths: ["/data/a.csv"] };
    expect(decidePermission(call).kind).toBe("ask");
    expect(decidePermission({ ...call, additionalDirectories: ["/data"] }).kind).toBe("allow");
  });

  it("suggests the narrowest rules and the mode that would allow a call", () => {
    const editVerdict = decidePermission({
      ...base,
      name: "edit_file",
      input: {},
      paths: [`${WORKSPACE}/src/lib/a.ts`],
    });
    expect(editVerdict).toMatchObject({
      kind: "ask",
      mode: "acceptEdits",
      suggestions: [{ tool: "Edit", content: "src/lib/**" }],
    });
    const bashVerdict = decidePermission({
      ...base,
      name: "bash",
      input: { command: "npm test && ls && rm -rf x" },
      paths: [],
    });
    expect(bashVerdict.suggestions).toEqual([
      { tool: "Bash", content: "npm test:*" },
      { tool: "Bash", content: "rm -rf x" },
    ]);
  });
});
