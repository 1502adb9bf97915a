// SOLUTION (s10 01): a system prompt section that exists only when it applies: the package manager this
// workspace uses, read once at session start from package.json's packageManager field or its lockfile.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SystemSection } from "@lcc/s02";

export const PACKAGE_MANAGER_SECTION = "package-manager";

/** Lockfiles and the package manager that writes each, in the order they are looked for. */
const LOCKFILES: ReadonlyArray<readonly [file: string, manager: string]> = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["package-lock.json", "npm"],
];

/**
 * The section for `workspace`: package.json's `packageManager` ("pnpm@9.1.0") decides; else the one
 * lockfile found names the manager; lockfiles of several managers ask the model to check with the user;
 * no field and no lockfile: undefined (no section at all). Never throws (an unreadable package.json is
 * ignored).
 */
export function packageManagerSection(workspace: string): SystemSection | undefined {
  const declared = declaredManager(workspace);
  const found = LOCKFILES.filter(([file]) => existsSync(join(workspace, file)));
  const [first] = found;
  let text: string;
  if (declared)
    text = usesText(declared.split("@")[0] ?? declared, `package.json packageManager ${declared}`);
  else if (!first) return undefined;
  else if (found.length === 1) text = usesText(first[1], first[0]);
  else
    text =
      `This workspace has lockfiles of several package managers (${found.map(([file]) => file).join(", ")}). ` +
      "Ask the user which one the project uses before installing or adding anything.";
  return { name: PACKAGE_MANAGER_SECTION, text: `# Package manager\n${text}` };
}

function usesText(manager: string, evidence: string): string {
  return (
    `This project uses ${manager} (${evidence}). Install, add and run scripts with ${manager}, never with ` +
    "another package manager: it would write a second lockfile."
  );
}

function declaredManager(workspace: string): string | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(join(workspace, "package.json"), "utf8"));
    const field = (value as { packageManager?: unknown } | null)?.packageManager;
    return typeof field === "string" && field.trim() !== "" ? field.trim() : undefined;
  } catch {
    return undefined;
  }
}
