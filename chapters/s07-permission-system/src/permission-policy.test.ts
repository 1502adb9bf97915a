// The policy as a table: (rules, mode, call) → allow / ask / deny, with no file system involved.
import { describe, expect, it } from "vitest";
import { decidePermission } from "./permission-policy.ts";
import { BASH_CASES } from "./policy-cases-bash.ts";
import { PATH_AND_MODE_CASES } from "./policy-cases-paths.ts";
import { rulesFrom, verdictOf, WORKSPACE } from "./policy-table.ts";

const cases = [...BASH_CASES, ...PATH_AND_MODE_CASES];

describe("decidePermission", () => {
  it.each(cases)("%s", (...row) => {
    expect(verdictOf(row)).toBe(row[4]);
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
