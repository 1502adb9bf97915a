// What every worktree_* tool shares: the lane-name field (its pattern is in the schema the model reads)
// and how a git failure reaches the model (git's own words, then the next move).
import { ToolError } from "@lcc/s02";
import { z } from "zod";
import { LANE_NAME_PATTERN } from "../lane-name.ts";
import { GitCommandError } from "../run-git.ts";

/** A lane's name as the tools take it; the manager's checkLaneName adds the rules a pattern cannot say. */
export const laneNameInput = z
  .string()
  .regex(LANE_NAME_PATTERN)
  .describe("The lane's name: 1–40 of A-Z a-z 0-9 . _ - (not starting with '.' or '-').");

/**
 * Runs `work`. A GitCommandError becomes a ToolError with git's message and `advice` (or what
 * `advice(error)` says): the model's next move. A WorktreeError already is a ToolError that says what to do,
 * so it and anything else propagate unchanged (the pipeline turns them into is_error results).
 */
export async function withGitAdvice<Result>(
  work: () => Promise<Result>,
  advice: string | ((error: GitCommandError) => string),
): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    const next = typeof advice === "string" ? advice : advice(error);
    throw new ToolError(`${error.message.trim()}\n${next}`);
  }
}
