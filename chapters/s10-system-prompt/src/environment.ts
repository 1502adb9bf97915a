// The environment section: where and when the session runs. Read once at session start, so the
// prompt stays byte-identical; what changes later arrives as a reminder (turn-reminders.ts).
import { platform, release, type } from "node:os";
import type { SystemSection } from "@lcc/s02";
import type { GitFacts } from "./git-facts.ts";

/** The section's name; s10 orders it last, after the cache breakpoint. */
export const ENVIRONMENT_SECTION = "environment";

export interface EnvironmentFacts {
  /** YYYY-MM-DD, the local date. */
  date: string;
  cwd: string;
  /** e.g. "linux (Linux 6.8.0)". */
  platform: string;
  /** $SHELL, or "unknown". */
  shell: string;
  git: GitFacts;
}

/** The local date as YYYY-MM-DD. */
export function formatDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The facts of this machine and moment; git's are read by the caller (git-facts.ts). */
export function environmentFacts(options: {
  workspace: string;
  now: Date;
  env: Record<string, string | undefined>;
  git: GitFacts;
}): EnvironmentFacts {
  return {
    date: formatDate(options.now),
    cwd: options.workspace,
    platform: `${platform()} (${type()} ${release()})`,
    shell: options.env.SHELL || "unknown",
    git: options.git,
  };
}

/** The section text. Pure. */
export function environmentSection(facts: EnvironmentFacts): SystemSection {
  const git =
    facts.git.kind === "none"
      ? [`Git: no (${facts.git.reason})`]
      : [
          `Git: yes, repository root ${facts.git.root}, branch ${facts.git.branch}`,
          "Git status at session start (later changes arrive as <system-reminder>s):",
          facts.git.status,
        ];
  const text = [
    "# Environment",
    `Today's date: ${facts.date}`,
    `Working directory: ${facts.cwd}`,
    `Platform: ${facts.platform}`,
    `Shell: ${facts.shell}`,
    ...git,
  ].join("\n");
  return { name: ENVIRONMENT_SECTION, text };
}
